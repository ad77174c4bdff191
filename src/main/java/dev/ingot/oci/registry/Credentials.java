package dev.ingot.oci.registry;

/**
 * Credentials for one registry: a username and password, or an identity token (OAuth2 refresh token
 * from {@code identitytoken}). {@link #toString} never shows secrets. Immutable.
 */
public record Credentials(String username, String password, String identityToken) {
  public static final Credentials ANONYMOUS = new Credentials(null, null, null);

  public boolean isAnonymous() {
    return username == null && identityToken == null;
  }

  @Override
  public String toString() {
    return isAnonymous()
        ? "anonymous"
        : "credentials for " + (username == null ? "<token>" : username);
  }
}
