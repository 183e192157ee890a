// libxml2's HTML parser (it recovers from broken markup as browsers do) and zlib (gzip members of
// *.html.gz and *.warc.gz). zlib is a dependency of libxml2 anyway, so one module carries both.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <zlib.h>
