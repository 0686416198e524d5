#pragma once
// Text and JSON renderings of identities for vigie-cli. The matricule INS appears only for a
// qualified identity (EXI SI 08), in text and in JSON alike.

#include <iosfwd>
#include <vector>

#include "core/domain/DuplicateFinder.h"
#include "core/usecases/PatientService.h"
#include "core/util/Json.h"

namespace vigie::cli {

void PrintIdentityText(std::ostream& out, const domain::Identity& identity);
void PrintPatientFileText(std::ostream& out, const usecases::PatientFile& file);
void PrintSummaryLine(std::ostream& out, const domain::Identity& identity);
void PrintDuplicatesText(std::ostream& out, const std::vector<domain::DuplicateCandidate>& candidates);
void WriteDuplicates(util::JsonWriter& w, const std::vector<domain::DuplicateCandidate>& candidates);
// {"ok":true,"identity":{…},"notes":[…]} (+ duplicates when present)
std::string CommandResultJson(const usecases::CommandResult& result);

}  // namespace vigie::cli
