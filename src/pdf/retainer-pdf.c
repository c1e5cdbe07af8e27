/* TEMPORARY stand-in until the PDF lands (issue 4). */
#include "config.h"
#include "retainer-pdf.h"

G_DEFINE_QUARK (retainer-pdf-error-quark, retainer_pdf_error)

gboolean
retainer_pdf_export (const RetainerProposal *proposal,
                     const RetainerResult   *result,
                     const RetainerAgency   *agency,
                     const char             *path,
                     GPtrArray              *warnings,
                     GError                **error)
{
  g_set_error (error, RETAINER_PDF_ERROR, RETAINER_PDF_ERROR_RENDER, "PDF export is not built yet");
  return FALSE;
}
