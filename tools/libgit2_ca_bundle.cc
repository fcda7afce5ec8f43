// libgit2 built with mbedTLS (Debian's) parses the system's whole CA bundle
// in git_libgit2_init, for HTTPS remotes: 4 ms, a twentieth of the hook's
// run, on every command that opens a repository. This tool never lets
// libgit2 near the network (the hub client downloads with libcurl), so the
// executable gives the one function that loads the bundle, loading nothing;
// the dynamic linker binds libgit2's call to it. Should libgit2 ever open a
// TLS connection, it would trust no certificate and fail: closed, not open.
// With a libgit2 built on another TLS library nothing calls it.
struct mbedtls_x509_crt;

extern "C" __attribute__((visibility("default"))) int mbedtls_x509_crt_parse_file(mbedtls_x509_crt* /*chain*/,
                                                                                  const char* /*path*/) {
  return 0;  // mbedTLS: 0 is "every certificate parsed"
}
