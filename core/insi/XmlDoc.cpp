#include "core/insi/XmlDoc.h"

#include <libxml/xmlerror.h>

#include <climits>
#include <mutex>

namespace vigie::insi::xml {
namespace {

// Set on the parser context (its _private slot) when the document carried a DOCTYPE.
struct ParseState {
    bool sawDoctype = false;
};

// SAX hook called as soon as "<!DOCTYPE name ...>" has been read, before any internal subset.
// Stopping here means no entity declaration is ever processed.
void RefuseDoctype(void* userData, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto* ctxt = static_cast<xmlParserCtxt*>(userData);
    if (auto* state = static_cast<ParseState*>(ctxt->_private)) state->sawDoctype = true;
    xmlStopParser(ctxt);
}

// libxml2 reports some errors (input encoding conversion, I/O) through the thread's global
// handlers rather than the parser context, which print to stderr by default: a hostile answer
// would then write into the application's output. For the duration of one call these go
// nowhere; the context still records its last error for our own message.
// (A template: the error parameter is xmlError* before libxml2 2.12 and const xmlError* after.)
template <typename Error>
void Discard(void*, Error) {}

class QuietErrors {
public:
    QuietErrors() : m_handler(xmlStructuredError), m_context(xmlStructuredErrorContext) {
        xmlSetStructuredErrorFunc(nullptr, &Discard);
    }
    ~QuietErrors() { xmlSetStructuredErrorFunc(m_context, m_handler); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

private:
    xmlStructuredErrorFunc m_handler;
    void* m_context;
};

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view s) {
    while (!s.empty() && IsXmlSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsXmlSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::string LibxmlMessage(xmlParserCtxt* ctxt) {
    const xmlError* err = xmlCtxtGetLastError(ctxt);
    if (!err || !err->message) return "erreur inconnue";
    std::string message(err->message);
    while (!message.empty() && IsXmlSpace(message.back())) message.pop_back();
    return "ligne " + std::to_string(err->line) + " : " + message;
}

}  // namespace

void EnsureInitialised() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

DocPtr ParseUntrusted(std::string_view bytes, std::string& error) {
    EnsureInitialised();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        error = "document trop volumineux";
        return nullptr;
    }
    ParserCtxtPtr ctxt(xmlNewParserCtxt());
    if (!ctxt || !ctxt->sax) {
        error = "mémoire insuffisante pour l'analyse XML";
        return nullptr;
    }
    // Each context owns its SAX handler copy, so this hook affects this parse only.
    ctxt->sax->internalSubset = &RefuseDoctype;
    ctxt->sax->externalSubset = &RefuseDoctype;
    ParseState state;
    ctxt->_private = &state;
    const QuietErrors quiet;

    // Deliberately absent: XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD,
    // XML_PARSE_DTDATTR, XML_PARSE_DTDVALID, XML_PARSE_XINCLUDE and XML_PARSE_HUGE.
    constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    DocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), "insi-response.xml",
                                 nullptr, kOptions));
    if (state.sawDoctype || (doc && (doc->intSubset || doc->extSubset))) {
        error = "déclaration DOCTYPE refusée";
        return nullptr;
    }
    if (!doc || !ctxt->wellFormed) {
        error = "XML mal formé (" + LibxmlMessage(ctxt.get()) + ")";
        return nullptr;
    }
    return doc;
}

std::string Serialise(xmlDoc* doc) {
    const QuietErrors quiet;
    xmlChar* raw = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &raw, &size, "UTF-8");
    CharPtr owned(raw);
    if (!raw || size <= 0) return {};
    return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(size));
}

bool Is(const xmlNode* node, std::string_view ns, std::string_view localName) {
    return node && node->type == XML_ELEMENT_NODE && node->ns && View(node->ns->href) == ns &&
           View(node->name) == localName;
}

const xmlNode* FirstElementChild(const xmlNode* parent) {
    if (!parent) return nullptr;
    for (const xmlNode* n = parent->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) return n;
    return nullptr;
}

const xmlNode* Child(const xmlNode* parent, std::string_view ns, std::string_view localName) {
    if (!parent) return nullptr;
    for (const xmlNode* n = parent->children; n; n = n->next)
        if (Is(n, ns, localName)) return n;
    return nullptr;
}

std::vector<const xmlNode*> Children(const xmlNode* parent, std::string_view ns, std::string_view localName) {
    std::vector<const xmlNode*> found;
    if (!parent) return found;
    for (const xmlNode* n = parent->children; n; n = n->next)
        if (Is(n, ns, localName)) found.push_back(n);
    return found;
}

std::string Text(const xmlNode* node) {
    if (!node) return {};
    std::string text;
    for (const xmlNode* n = node->children; n; n = n->next)
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) text += View(n->content);
    return std::string(Trim(text));
}

std::string Attribute(const xmlNode* node, const char* name) {
    if (!node || node->type != XML_ELEMENT_NODE) return {};
    CharPtr value(xmlGetNoNsProp(node, X(name)));
    return std::string(View(value.get()));
}

std::string ExpandedName(const xmlNode* node) {
    if (!node) return {};
    std::string name = "{";
    if (node->ns) name += View(node->ns->href);
    name += "}";
    name += View(node->name);
    return name;
}

bool IsXmlSafeText(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t cp = 0;
        if (lead < 0x80) {
            length = 1;
            cp = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            cp = lead & 0x1Fu;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            cp = lead & 0x0Fu;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            cp = lead & 0x07u;
        } else {
            return false;
        }
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto cont = static_cast<unsigned char>(text[i + k]);
            if ((cont & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cont & 0x3Fu);
        }
        static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMinForLength[length]) return false;  // overlong encoding
        // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
        const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                             (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!allowed) return false;
        i += length;
    }
    return true;
}

xmlNode* AddText(xmlNode* parent, xmlNs* ns, const char* name, const std::string& text) {
    // xmlNewTextChild (unlike xmlNewChild) takes the content as plain text, not markup.
    return xmlNewTextChild(parent, ns, X(name), X(text.c_str()));
}

xmlNode* AddElement(xmlNode* parent, xmlNs* ns, const char* name) {
    return xmlNewChild(parent, ns, X(name), nullptr);
}

}  // namespace vigie::insi::xml
