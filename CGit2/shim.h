#ifndef FACTDESK_CGIT2_SHIM_H
#define FACTDESK_CGIT2_SHIM_H
#include <git2.h>
#endif
