#pragma once
// The high-trust identity documents an operator may choose when validating an identity
// (identity-rules.md §4). The list is configurable per structure; this is the default catalog.
// The carte Vitale and the driving licence are deliberately absent: they are not accepted.

#include <span>
#include <string_view>

namespace vigie::domain {

struct DocumentType {
    std::string_view code;   // stable code stored in the database and used by the CLI
    std::string_view label;  // French, as shown to the operator
};

std::span<const DocumentType> DefaultDocumentCatalog();
const DocumentType* FindDocumentType(std::string_view code);

}  // namespace vigie::domain
