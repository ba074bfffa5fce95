#ifndef FACTDESK_CGIT2_SHIM_H
#define FACTDESK_CGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/mempack.h>
#include <git2/sys/transport.h>
/* The index file ends in a SHA-1 of its content, and libgit2 exposes no raw SHA-1: OpenSSL's
   (SHA-NI where the CPU has it) hashes a 10 MB index in 4 ms. */
#include <openssl/evp.h>
/* known_hosts hashes host names as HMAC-SHA1 with a per-line salt (OpenSSH's `|1|salt|hmac`). */
#include <openssl/hmac.h>

/* glibc declares syncfs(2) only under _GNU_SOURCE, and defining that here would change the
   system headers' structs under Swift's Glibc module: declare the one function instead. */
extern int syncfs(int fd);

/* git_libgit2_opts is variadic, which Swift cannot call: one non-variadic wrapper per option used. */
static inline int cgit2_set_fsync_gitdir(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

static inline int cgit2_set_cache_max_size(long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}

static inline int cgit2_set_mwindow_limits(size_t window, size_t mapped) {
    int error = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window);
    return error < 0 ? error : git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, mapped);
}

static inline int cgit2_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/* HMAC-SHA1 of `data` under `key` into `digest` (20 bytes); 1 on success, 0 on failure. */
static inline int cgit2_hmac_sha1(const void *key, int key_length, const unsigned char *data, size_t length,
                                  unsigned char *digest) {
    unsigned int digest_length = 0;
    return HMAC(EVP_sha1(), key, key_length, data, length, digest, &digest_length) != NULL && digest_length == 20;
}

/* syncfs(2) is a GNU extension that Swift's Glibc module does not export. */
static inline int cgit2_syncfs(int descriptor) {
    return syncfs(descriptor);
}

/* A smart subtransport and its stream as libgit2 sees them, each followed by the Swift object
   that does the work: libgit2 hands back the pointer to the first member, which is the whole. */
typedef struct {
    git_smart_subtransport parent;
    void *owner;
} cgit2_subtransport;

typedef struct {
    git_smart_subtransport_stream parent;
    void *owner;
} cgit2_subtransport_stream;
#endif
