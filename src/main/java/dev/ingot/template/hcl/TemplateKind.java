package dev.ingot.template.hcl;

/** How a template was written. */
public enum TemplateKind {
  /** {@code "..."}. */
  QUOTED,
  /** {@code <<EOF} or {@code <<-EOF}. */
  HEREDOC,
  /** A whole file or string parsed as a template (for {@code templatefile}). */
  BARE
}
