#pragma once
// Test helper: the shape of an XML document as a list of "namespace-uri localName[=text]"
// entries in document order (elements only, comments and blank text ignored), so answers can
// be compared with the captured real ones independently of prefixes and indentation.

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <string>
#include <vector>

namespace vigie::sim::test {

inline void AppendShape(const xmlNode* node, int depth, std::vector<std::string>& out) {
    for (const xmlNode* n = node; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        std::string entry = std::string(static_cast<std::size_t>(depth) * 2, ' ');
        entry += n->ns ? std::string(reinterpret_cast<const char*>(n->ns->href)) + " " : "- ";
        entry += reinterpret_cast<const char*>(n->name);
        bool hasChildElement = false;
        for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
            hasChildElement = hasChildElement || c->type == XML_ELEMENT_NODE;
        }
        if (!hasChildElement) {
            xmlChar* text = xmlNodeGetContent(n);
            entry += "=" + std::string(text ? reinterpret_cast<const char*>(text) : "");
            xmlFree(text);
        }
        out.push_back(entry);
        AppendShape(n->children, depth + 1, out);
    }
}

// Empty when `xml` is not well-formed.
inline std::vector<std::string> Shape(const std::string& xml) {
    std::vector<std::string> out;
    xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "shape.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
    if (doc != nullptr) {
        AppendShape(xmlDocGetRootElement(doc), 0, out);
        xmlFreeDoc(doc);
    }
    return out;
}

inline bool IsWellFormed(const std::string& xml) { return !Shape(xml).empty(); }

}  // namespace vigie::sim::test
