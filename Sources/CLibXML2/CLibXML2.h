// libxml2's HTML parser (it recovers from broken markup as browsers do) and zlib (gzip members of
// *.html.gz and *.warc.gz). zlib is a dependency of libxml2 anyway, so one module carries both.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding.h then includes the system ICU headers, whose
// types clash with the ICU that Foundation ships (_FoundationICU) in any module that sees both.
// Nothing here uses libxml2's ICU converters (pages reach the parser as UTF-8), so leave them out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <zlib.h>
