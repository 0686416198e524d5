#pragma once
// A scripted IInsiService for unit tests: records every query and answers with a function.

#include <functional>
#include <vector>

#include "core/ports/IInsiService.h"

namespace vigie::test {

class FakeInsi final : public ports::IInsiService {
public:
    std::function<ports::InsiResult(const ports::InsiTraitsQuery&)> onTraits;
    std::function<ports::InsiResult(const ports::InsiVitaleQuery&)> onVitale;
    std::vector<ports::InsiTraitsQuery> traitsCalls;
    std::vector<ports::InsiVitaleQuery> vitaleCalls;

    ports::InsiResult SearchByTraits(const ports::InsiTraitsQuery& q, ports::InsiCallMode) override {
        traitsCalls.push_back(q);
        return onTraits(q);
    }
    ports::InsiResult SearchWithVitale(const ports::InsiVitaleQuery& q, ports::InsiCallMode) override {
        vitaleCalls.push_back(q);
        return onVitale(q);
    }

    static ports::InsiResult NotFound() { return {ports::InsiOutcome::NotFound, "01", "Aucune identite trouvee", {}}; }
    static ports::InsiResult Several() { return {ports::InsiOutcome::Several, "02", "Plusieurs identites trouvees", {}}; }
    static ports::InsiResult Found(domain::StrictTraits traits, domain::InsData ins) {
        return {ports::InsiOutcome::Found, "00", "OK", ports::InsiIdentity{std::move(traits), std::move(ins)}};
    }
};

}  // namespace vigie::test
