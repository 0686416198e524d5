// The pure parts of the Tableau de bord: the top-level JSON reader, UTC day arithmetic, the
// status replay, percentiles and the outcome code filter of the INSi metering.
#include <boost/test/unit_test.hpp>

#include "core/usecases/Dashboard.h"
#include "core/usecases/MeteredInsiService.h"
#include "core/usecases/StatusTrend.h"
#include "core/util/JsonRead.h"

using namespace vigie;
using namespace vigie::usecases;
using util::TopLevelString;

namespace {
ports::JournalEntry Entry(std::int64_t seq, std::string at, std::string before, std::string after) {
    ports::JournalEntry e;
    e.seq = seq;
    e.at = std::move(at);
    e.action = "identity.x";
    e.before = std::move(before);
    e.after = std::move(after);
    return e;
}
std::string Snap(int id, const char* status) {
    return "{\"id\":" + std::to_string(id) + ",\"status\":\"" + status + "\",\"ins\":{\"status\":\"QUAL\"}}";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(DashboardCoreSuite)

BOOST_AUTO_TEST_CASE(TopLevelStringReadsOnlyTheOuterObject) {
    BOOST_TEST(*TopLevelString(R"({"id":3,"status":"VALI"})", "status") == "VALI");
    BOOST_TEST(*TopLevelString(R"( { "a" : [1, {"status":"X"}], "status" : "QUAL" } )", "status") == "QUAL");
    BOOST_TEST(!TopLevelString(R"({"ins":{"status":"QUAL"}})", "status"));
    BOOST_TEST(!TopLevelString(R"({"status":3})", "status"));
    BOOST_TEST(!TopLevelString(R"({"status":"VA)", "status"));
    BOOST_TEST(!TopLevelString("", "status"));
    BOOST_TEST(!TopLevelString("[\"status\"]", "status"));
    BOOST_TEST(*TopLevelString(R"({"n":"\u00c9l\u00e9a \"Z\"","x":true})", "n") == "Éléa \"Z\"");
    BOOST_TEST(*TopLevelString(R"({"n":"\ud83d\ude00"})", "n") == "\xF0\x9F\x98\x80");
    BOOST_TEST(*TopLevelString(R"({"a":null,"b":-1.5e3,"c":false,"k":"v"})", "k") == "v");
}

BOOST_AUTO_TEST_CASE(DayArithmeticCrossesMonthsAndLeapYears) {
    BOOST_TEST(AddDays("2024-02-28", 1) == "2024-02-29");
    BOOST_TEST(AddDays("2026-03-01T10:00:00Z", -1) == "2026-02-28");
    BOOST_TEST(AddDays("2026-12-31", 1) == "2027-01-01");
    BOOST_TEST(DaysBetween("2025-11-22", "2026-11-22") == 365);
    BOOST_CHECK_THROW(AddDays("hier", 1), BadInputError);
}

BOOST_AUTO_TEST_CASE(SnapshotStatusNeedsAnIdentitySnapshot) {
    BOOST_TEST((*SnapshotStatus(Snap(1, "RECUP")) == domain::IdentityStatus::Recuperee));
    BOOST_TEST(!SnapshotStatus(R"({"run":3,"status":"QUAL"})"));
    BOOST_TEST(!SnapshotStatus(Snap(1, "NOPE")));
    BOOST_TEST(!SnapshotStatus(""));
}

BOOST_AUTO_TEST_CASE(ReplayFillsQuietDaysAndStopsBeforeToday) {
    StatusReplay r("2026-11-22", std::nullopt, std::nullopt);
    r.Apply(Entry(1, "2026-11-18T08:00:00Z", "", Snap(1, "PROV")));
    r.Apply(Entry(2, "2026-11-18T09:00:00Z", "", R"({"card":"x"})"));  // not an identity
    r.Apply(Entry(3, "2026-11-20T09:00:00Z", Snap(1, "PROV"), Snap(1, "VALI")));
    r.Apply(Entry(4, "2026-11-20T10:00:00Z", Snap(1, "VALI"), R"({"other_identity":2})"));
    r.Apply(Entry(5, "2026-11-22T07:00:00Z", Snap(1, "VALI"), Snap(1, "QUAL")));
    const auto days = r.TakeCompletedDays();
    BOOST_REQUIRE(days.size() == 4u);  // 18, 19, 20, 21
    BOOST_TEST(days[0].prov == 1);
    BOOST_TEST(days[1].day == "2026-11-19");
    BOOST_TEST(days[1].prov == 1);
    BOOST_TEST(days[2].vali == 1);
    BOOST_TEST(days[2].prov == 0);
    BOOST_TEST(days[3].day == "2026-11-21");
    BOOST_TEST(r.CompletedSeq() == 4);  // seq 5 is today's: replayed again next time
    BOOST_TEST(r.Live().qual == 1);
    BOOST_TEST(r.TakeCompletedDays().empty());

    // Resuming from the cached head gives the same live counts.
    StatusReplay again("2026-11-22", ports::StatusSnapshotHead{"2026-11-21", 4}, days[3]);
    again.Apply(Entry(5, "2026-11-22T07:00:00Z", Snap(1, "VALI"), Snap(1, "QUAL")));
    BOOST_TEST(again.TakeCompletedDays().empty());
    BOOST_TEST(again.Live().qual == 1);
    BOOST_TEST(again.Live().vali == 0);
}

BOOST_AUTO_TEST_CASE(NearestRankPercentiles) {
    BOOST_TEST(!Percentile({}, 50));
    BOOST_TEST(*Percentile({7}, 95) == 7);
    BOOST_TEST(*Percentile({1, 2, 3, 4}, 50) == 2);
    BOOST_TEST(*Percentile({1, 2, 3, 4}, 95) == 4);
}

BOOST_AUTO_TEST_CASE(OutcomeCodesCannotCarryANir) {
    BOOST_TEST(SafeOutcomeCode("desir_1020") == "desir_1020");
    BOOST_TEST(SafeOutcomeCode("insi.timeout") == "insi.timeout");
    BOOST_TEST(SafeOutcomeCode("00") == "00");
    BOOST_TEST(SafeOutcomeCode("180026322012345") == "autre");
    BOOST_TEST(SafeOutcomeCode("NIR 1800263") == "autre");
    BOOST_TEST(SafeOutcomeCode("") == "autre");
}

BOOST_AUTO_TEST_SUITE_END()
