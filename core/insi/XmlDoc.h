#pragma once
// Thin RAII layer over libxml2 for the INSi codec (private to core/insi). It owns the rules that
// make parsing untrusted answers safe, so the codec itself only walks a tree:
//   - no network, no DTD loading, no entity substitution, no XML_PARSE_HUGE (libxml2's default
//     depth and size limits stay in force);
//   - a DOCTYPE is refused while parsing (the SAX hook stops the parser before the internal
//     subset is read), so no entity of any kind can be declared, let alone expanded or fetched.

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::insi::xml {

struct DocDeleter {
    void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

struct CharDeleter {
    void operator()(xmlChar* text) const noexcept { xmlFree(text); }
};
using CharPtr = std::unique_ptr<xmlChar, CharDeleter>;

struct ParserCtxtDeleter {
    void operator()(xmlParserCtxt* ctxt) const noexcept { xmlFreeParserCtxt(ctxt); }
};
using ParserCtxtPtr = std::unique_ptr<xmlParserCtxt, ParserCtxtDeleter>;

// libxml2 must be initialised once before threads use it concurrently (bulk verification
// parses on several threads). Idempotent and thread-safe.
void EnsureInitialised();

// libxml2 wants unsigned chars; one cast point instead of BAD_CAST (a C-style cast) everywhere.
inline const xmlChar* X(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
inline std::string_view View(const xmlChar* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// Parses untrusted bytes with the rules above. On failure returns null and sets `error` to a
// short French explanation (libxml2's own message is appended, in English, for diagnosis).
DocPtr ParseUntrusted(std::string_view bytes, std::string& error);

// Serialises a document as UTF-8 with an XML declaration.
std::string Serialise(xmlDoc* doc);

// --- reading (by namespace URI and local name, never by prefix) ---

bool Is(const xmlNode* node, std::string_view ns, std::string_view localName);
const xmlNode* FirstElementChild(const xmlNode* parent);
const xmlNode* Child(const xmlNode* parent, std::string_view ns, std::string_view localName);
std::vector<const xmlNode*> Children(const xmlNode* parent, std::string_view ns, std::string_view localName);
// Direct text and CDATA children, concatenated and trimmed of XML white space (pretty-printed
// answers indent every element). Comments and child elements are ignored.
std::string Text(const xmlNode* node);
// An attribute without namespace ("" when absent).
std::string Attribute(const xmlNode* node, const char* name);
// "{namespace}local" for messages about unexpected elements.
std::string ExpandedName(const xmlNode* node);

// --- writing ---

// True when `text` is well-formed UTF-8 made only of characters XML 1.0 allows; text that fails
// this would make the serialised request ill-formed whatever the escaping.
bool IsXmlSafeText(std::string_view text);

// Appends <ns:name>text</ns:name>; the text is stored raw and escaped on serialisation.
xmlNode* AddText(xmlNode* parent, xmlNs* ns, const char* name, const std::string& text);
xmlNode* AddElement(xmlNode* parent, xmlNs* ns, const char* name);

}  // namespace vigie::insi::xml
