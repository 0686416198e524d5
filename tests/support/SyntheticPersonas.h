#pragma once
// Synthetic INSi identities for bulk tests and benchmarks: A–Z names, spread birth dates, valid
// NIR keys, the test OID. Identity i is the same in the personas file and in the référentiel.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/domain/Date.h"
#include "core/domain/Nir.h"
#include "core/usecases/PatientService.h"
#include <stdexcept>
#include <vector>

namespace vigie::test {

inline std::string SyntheticName(const std::string& prefix, int i) {
    std::string s = prefix;
    s += static_cast<char>('A' + i / 676 % 26);
    s += static_cast<char>('A' + (i / 26) % 26);
    s += static_cast<char>('A' + i % 26);
    return s;
}

inline domain::Date SyntheticBirthDate(int i) { return domain::Date{1940 + i % 60, 1 + i % 12, 1 + i % 28}; }

// 15 characters: 13 + a valid key.
inline std::string SyntheticMatricule(int i) {
    char nir[16];
    const domain::Date d = SyntheticBirthDate(i);
    std::snprintf(nir, sizeof nir, "1%02d%02d63220%03d", d.year % 100, d.month, i % 1000);
    char key[4];
    std::snprintf(key, sizeof key, "%02d", *domain::ComputeNirKey(nir));
    return std::string(nir) + key;
}

inline constexpr const char* kSyntheticOid = "1.2.250.1.213.1.4.10";

// A personas file (the official columns) with `count` people, first name JEAN, born in 63220.
inline void WriteSyntheticPersonas(const std::filesystem::path& path, const std::string& prefix, int count) {
    std::ofstream out(path);
    out << "source,birth_name,birth_first_names,sex,birth_date,birth_place,nir13,key,oid,history,notes\n";
    for (int i = 0; i < count; ++i) {
        const std::string m = SyntheticMatricule(i);
        out << "simulator," << SyntheticName(prefix, i) << ",JEAN,M," << SyntheticBirthDate(i).ToIso() << ",63220,"
            << m.substr(0, 13) << "," << m.substr(13) << "," << kSyntheticOid << ",,synthetic\n";
    }
}

// Fills a référentiel with the same `count` people, each holding the INS of its persona (status
// RECUP), as the simulator's personas file describes them. Throws on any refusal.
inline std::vector<domain::IdentityId> SeedSyntheticIdentities(usecases::PatientService& patients,
                                                               const domain::Operator& op, const ports::IClock& clock,
                                                               const std::string& prefix, int count) {
    std::vector<usecases::CreateRequest> requests;
    for (int i = 0; i < count; ++i) {
        domain::StrictTraits t;
        t.birthName = SyntheticName(prefix, i);
        t.birthFirstNames = t.firstBirthFirstName = "JEAN";
        t.birthDate = SyntheticBirthDate(i);
        t.sex = domain::Sex::Male;
        t.birthPlace = "63220";
        requests.push_back({t, "", "", true});
    }
    std::vector<domain::IdentityId> ids;
    if (!patients.Import(op, requests, &ids).Ok()) throw std::runtime_error("synthetic import refused");
    for (int i = 0; i < count; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const domain::InsData ins{{SyntheticMatricule(i), kSyntheticOid, "", ""}, {}, clock.NowUtc()};
        if (!patients.AcceptIns(op, ids[k], requests[k].traits, ins).Ok())
            throw std::runtime_error("synthetic INS refused for " + requests[k].traits.birthName);
    }
    return ids;
}

}  // namespace vigie::test
