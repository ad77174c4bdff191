package dev.ingot.cli;

import dev.ingot.build.ui.Event;
import dev.ingot.build.ui.EventSink;
import java.io.PrintWriter;

/**
 * A build's event sink that notices when its standard output went away ({@code ingot build | head}
 * after head exits) and stops the run, as the SIGPIPE that kills a Unix tool would: the builds went
 * on to the end (images written, pushes made) and the exit said 141 as if they had not. The builds
 * are cancelled and cleaned up; the command then exits 141. Called under the Ui's lock.
 */
final class OutputLost implements EventSink {
  private final EventSink sink;
  private final PrintWriter out;
  private final Runnable stop;
  private boolean stopped;

  OutputLost(EventSink sink, PrintWriter out, Runnable stop) {
    this.sink = sink;
    this.out = out;
    this.stop = stop;
  }

  @Override
  public void accept(Event e) {
    sink.accept(e);
  }

  @Override
  public void flush() {
    sink.flush();
    // PrintWriter keeps the failure of the stream under it rather than throwing it.
    if (!stopped && out.checkError()) {
      stopped = true;
      stop.run();
    }
  }
}
