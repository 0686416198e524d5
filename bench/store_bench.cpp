// Store benchmark: fills a real SQLite référentiel with synthetic identities through the
// use-case path (PatientService::Import, journal hash chain included), then measures the search
// and duplicate-candidate latencies a counter clerk would feel. Figures only: a missed target is
// reported, never an error; the exit code is non-zero only when something really failed.
//
//   vigie_bench_store [--count N] [--db PATH] [--queries N] [--seed S] [--batch N] [--keep]
//
// By default the whole file goes in one Import call, as a migration from another software
// does (one transaction, all-or-nothing); --batch N imports it in calls of N identities
// instead (smaller batches than the table keep its search indexes and insert into them).

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "core/domain/TraitText.h"
#include "core/ports/IClock.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "core/util/Json.h"
#include "db/sqlite/SqliteStore.h"

namespace {

using namespace vigie;
using domain::Date;
using domain::Sex;
using SteadyClock = std::chrono::steady_clock;
namespace fs = std::filesystem;

// Rough frequency order (most common first); only A-Z, space, hyphen and apostrophe.
const char* const kSurnames =
    "MARTIN,BERNARD,THOMAS,PETIT,ROBERT,RICHARD,DURAND,DUBOIS,MOREAU,LAURENT,SIMON,MICHEL,LEFEBVRE,LEROY,ROUX,DAVID,"
    "BERTRAND,MOREL,FOURNIER,GIRARD,BONNET,DUPONT,LAMBERT,FONTAINE,ROUSSEAU,VINCENT,MULLER,LEFEVRE,FAURE,ANDRE,"
    "MERCIER,BLANC,GUERIN,BOYER,GARNIER,CHEVALIER,FRANCOIS,LEGRAND,GAUTHIER,GARCIA,PERRIN,ROBIN,CLEMENT,MORIN,"
    "NICOLAS,HENRY,ROUSSEL,MATHIEU,GAUTIER,MASSON,MARCHAND,DUVAL,DENIS,DUMONT,MARIE,LEMAIRE,NOEL,MEYER,DUFOUR,"
    "MEUNIER,BRUN,BLANCHARD,GIRAUD,JOLY,RIVIERE,LUCAS,BRUNET,GAILLARD,BARBIER,ARNAUD,MARTINEZ,GERARD,ROCHE,RENARD,"
    "SCHMITT,ROY,LEROUX,COLIN,VIDAL,CARON,PICARD,ROGER,FABRE,AUBERT,LEMOINE,RENAUD,DUMAS,LACROIX,OLIVIER,PHILIPPE,"
    "BOURGEOIS,PIERRE,BENOIT,REY,LECLERC,PAYET,ROLLAND,LECLERCQ,GUILLAUME,LECOMTE,LOPEZ,JEAN,DUPUY,GUILLOT,HUBERT,"
    "BERGER,CARPENTIER,SANCHEZ,DUPUIS,MOULIN,LOUIS,DESCHAMPS,HUET,VASSEUR,PEREZ,BOUCHER,FLEURY,ROYER,KLEIN,JACQUET,"
    "ADAM,PARIS,POIRIER,MARTY,AUBRY,GUYOT,CARRE,CHARLES,RENAULT,CHARPENTIER,MENARD,MAILLARD,BARON,BERTIN,BAILLY,"
    "HERVE,SCHNEIDER,FERNANDEZ,LE GALL,COLLET,LEGER,BOUVIER,JULIEN,PREVOST,MILLET,PERROT,DANIEL,LE ROUX,COUSIN,"
    "GERMAIN,BRETON,BESSON,LANGLOIS,REMY,LE GOFF,PELLETIER,LEVEQUE,PERRIER,LEBLANC,BARRE,LEBRUN,MARCHAL,WEBER,MALLET,"
    "HAMON,BOULANGER,JACOB,MONNIER,MICHAUD,RODRIGUEZ,GUICHARD,GILLET,ETIENNE,GRONDIN,POULAIN,TESSIER,CHEVALLIER,"
    "COLLIN,CHAUVIN,DA SILVA,BOUCHET,GAY,LEMAITRE,BENARD,MARECHAL,HUMBERT,REYNAUD,ANTOINE,HOARAU,PERRET,BARTHELEMY,"
    "CORDIER,PICHON,LEJEUNE,GILBERT,LAMY,DELAUNAY,PASQUIER,CARLIER,LAPORTE,NGUYEN,DIALLO,TRAORE,DOS SANTOS,DE SOUSA,"
    "FERREIRA,PEREIRA,RIBEIRO,MARTINS,HADDAD,BENALI,COULIBALY,DIOP,N'DIAYE,D'ALMEIDA,L'HOSTIS,D'HOOGE,LE BRIS,"
    "LE CORRE,LE BIHAN,LE MOAL,GUILLOUX,TANGUY,KERBRAT,JAOUEN,LEBON,GODARD,BAZIN,CHAMPION,DEVAUX,LAGARDE,MAURIN,"
    "BOUVET,PARENT,MARTEL,LAVAL,POUGET,FAVRE,HUGUET,BRUNEAU,CHARRIER,BOUCHARD,LEBEAU,DUCHEMIN,CARDON,GRANGER,SAUVAGE,"
    "BOURDON,LEROUGE,VIAL,TARDY,MARCEL,DELMAS,GUILLON,LEVY,COHEN,BLONDEL,CAMUS,DUPRE,DAUPHIN,BOUQUET,DROUET,PONS,"
    "VERDIER,BARBE,MASSE,CHARLIER,LEGROS,ROUSSELLE,HERAULT,MOUNIER,CORNU,MILLOT,RAYNAUD,FOUCHER,BLIN,DUCLOS,"
    "GUILLEMIN,RIGAUD,BOUTIN,LOISEAU,RAULT,GRAS,TOUSSAINT,JOUBERT,RAY,CHAPUIS,MONTAGNE,TEIXEIRA,ALVES,LEMERCIER,"
    "PAGES,COSTE,JOURDAN,ROSSI,BIANCHI,RUSSO,WAGNER,HOFFMANN,BECKER,SCHWARTZ,KOCH,MARIN,BOULAY,CHARBONNIER,DESCAMPS,"
    "DELATTRE,DE LA FONTAINE,SAINT-MARTIN,DUPONT-MOREL,LEFEBVRE-DUVAL,D'ARTOIS,DUPOND,DURANT,THOMASSIN,PETITJEAN";
const char* const kMaleFirstNames =
    "JEAN,PIERRE,MICHEL,ANDRE,PHILIPPE,LOUIS,RENE,ALAIN,JACQUES,BERNARD,MARCEL,DANIEL,ROGER,ROBERT,PAUL,CLAUDE,"
    "CHRISTIAN,HENRI,GEORGES,NICOLAS,FRANCOIS,PATRICK,GERARD,CHRISTOPHE,JOSEPH,JULIEN,GABRIEL,LEO,RAPHAEL,ARTHUR,"
    "LUCAS,HUGO,THOMAS,MAXIME,ALEXANDRE,ANTOINE,DAVID,ERIC,FREDERIC,LAURENT,STEPHANE,OLIVIER,SEBASTIEN,VINCENT,"
    "THIERRY,PASCAL,DOMINIQUE,DIDIER,BRUNO,SERGE,YVES,GUY,MAURICE,RAYMOND,LUCIEN,EMILE,FERNAND,ROLAND,GILBERT,"
    "JEAN-PIERRE,JEAN-CLAUDE,JEAN-LUC,JEAN-MARC,JEAN-FRANCOIS,JEAN-PAUL,JEAN-MICHEL,JEAN-LOUIS,MARC,CEDRIC,ROMAIN,"
    "GUILLAUME,JULES,ADAM,NOAH,ETHAN,NATHAN,TOM,ENZO,MATHIS,THEO,KYLIAN,SACHA,NOE,EMMANUEL,JEROME,FABRICE,FRANCK,"
    "LUDOVIC,MATHIEU,BENOIT,ARNAUD,DAMIEN,XAVIER,YANNICK,HERVE,GILLES,JOEL,ANTHONY,KEVIN,JORDAN,LOIC,MICKAEL,FLORIAN,"
    "QUENTIN,VALENTIN,ALEXIS,CLEMENT,BAPTISTE,PAUL-HENRI,MOHAMED,KARIM,MEHDI,YOUSSEF,ALBERT,EUGENE,ARMAND,MARIUS,"
    "VICTOR,AUGUSTE,GASTON,LEON,EDOUARD,FELIX,SAMUEL,TIMOTHEE,ELIAS,AXEL,MARTIN,SIMON,TRISTAN,GAEL,ERWAN,YVON,"
    "CHARLES,OSCAR,ISAAC,MAEL,AYDEN,LIAM,SOHAN,NAEL";
const char* const kFemaleFirstNames =
    "MARIE,JEANNE,FRANCOISE,MONIQUE,CATHERINE,NATHALIE,ISABELLE,JACQUELINE,ANNE,SYLVIE,MARTINE,MADELEINE,NICOLE,"
    "SUZANNE,HELENE,CHRISTINE,MARGUERITE,DENISE,LOUISE,CHRISTIANE,YVONNE,SOPHIE,VALERIE,SANDRINE,STEPHANIE,CELINE,"
    "JULIE,AURELIE,EMILIE,CAMILLE,LEA,MANON,CHLOE,EMMA,JADE,ALICE,INES,LINA,ROSE,ANNA,AMBRE,MIA,JULIA,ZOE,LENA,"
    "MARIE-CLAIRE,MARIE-THERESE,ANNE-MARIE,MARIE-CHRISTINE,MARIE-FRANCE,MARIE-JOSE,GENEVIEVE,SIMONE,GERMAINE,"
    "PAULETTE,ODETTE,RENEE,ANDREE,COLETTE,JOSIANE,DANIELLE,BRIGITTE,CHANTAL,PATRICIA,CORINNE,VERONIQUE,LAURENCE,"
    "CAROLINE,AGNES,FLORENCE,VIRGINIE,DELPHINE,KARINE,ELODIE,AUDREY,MELANIE,LAETITIA,VANESSA,MARINE,PAULINE,MARION,"
    "CLAIRE,CHARLOTTE,LUCIE,LAURA,SARAH,CLARA,MATHILDE,JULIETTE,LOUNA,ROMANE,AGATHE,CAPUCINE,LOU,NINA,ELISE,ADELE,"
    "GABRIELLE,VICTOIRE,MARGAUX,OCEANE,MAEVA,ELSA,EVA,YASMINE,FATIMA,AICHA,MYRIAM,NADIA,SAMIA,LEILA,ODILE,BERNADETTE,"
    "ANNICK,EVELYNE,MICHELE,MIREILLE,ARLETTE,HUGUETTE,GISELE,LUCIENNE,ALINE,BEATRICE,ESTELLE,MURIEL,SEVERINE,"
    "FABIENNE,JOELLE,LILOU,ROSALIE,OLIVIA,CELESTE,ANAIS,NOEMIE,ELEONORE,APOLLINE,MAELYS,LOUISA,HORTENSE";
// French-looking syllables for the long tail of rare surnames.
const char* const kOnsets =
    "BER,MAR,DU,LA,BOU,CHA,GAR,LE,MOU,PER,RI,ROU,SA,TOU,VA,VIL,BA,BRI,CLE,DE,FA,FON,GA,GI,GRA,JA,LOU,MA,MO,NA,PE,PI,"
    "RA,SE,TA,TE,TRE,BLAN,CHAR,COR,DES,FER,GUE,LAM,MON,POR,QUE,SAU,VER,CAS,BON,ROS,BEL,HAU,JOU,LAC,MEU,NO,PAS,RE,RO,"
    "SER,TAR,AU,E,O,A,COU,GOU,BAU,CHE,MI,DOU,FOU,LI,NI,PRA,TRO";
const char* const kSuffixes =
    "ARD,ET,OT,IN,EAU,IER,AND,ON,AUD,EL,EUX,AC,OUX,AIS,ERT,ENS,Y,E,ARRE,ILLE,ELLE,AN,AT,OIS,IOT,INE,ANT,AUX,ERON,"
    "AGNE,ERIE,ODE,ONNET,ILLON,ARDIN,ANGE,OUIN,ASSE";
const char* const kCountries = "134,350,352,351,139,127,109,131,132,212,243,111,135,401,406,336,330,101";

std::vector<std::string> Split(const char* list) {
    std::vector<std::string> out(1);
    for (const char* p = list; *p; ++p) *p == ',' ? out.emplace_back() : out.back() += *p;
    return out;
}

// std::mt19937_64's stream is fixed by the standard (unlike the <random> distributions): same data everywhere.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}
    std::uint64_t Next() { return m_engine(); }
    std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
    int Between(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<std::size_t>(hi - lo + 1))); }
    double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
    bool Chance(double p) { return Unit() < p; }

private:
    std::mt19937_64 m_engine;
};

// Picks rank r with a probability proportional to 1 / (r+1)^s: a few very common names, a long tail.
class Zipf {
public:
    Zipf(std::size_t n, double s) {
        for (double total = 0; m_cum.size() < n;) m_cum.push_back(total += std::pow(double(m_cum.size() + 1), -s));
    }
    std::size_t operator()(Rng& rng) const {
        const auto it = std::upper_bound(m_cum.begin(), m_cum.end(), rng.Unit() * m_cum.back());
        return std::min(static_cast<std::size_t>(it - m_cum.begin()), m_cum.size() - 1);
    }

private:
    std::vector<double> m_cum;
};

std::string Pad(int value, std::size_t width) {
    std::string s = std::to_string(value);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

class IdentityGenerator {
public:
    explicit IdentityGenerator(std::uint64_t seed) : m_rng(seed) {}

    usecases::CreateRequest Next() {
        usecases::CreateRequest r;
        auto& t = r.traits;
        t.sex = m_rng.Chance(0.52) ? Sex::Female : Sex::Male;
        t.birthName = Surname();
        const std::size_t firstNameCount = m_rng.Chance(0.45) ? 1 : (m_rng.Chance(0.64) ? 2 : 3);
        std::vector<std::string> names;
        while (names.size() < firstNameCount)
            if (std::string n = FirstName(t.sex); std::find(names.begin(), names.end(), n) == names.end())
                t.birthFirstNames += (names.empty() ? "" : " ") + n, names.push_back(n);
        const int year = m_rng.Chance(0.3) ? m_rng.Between(1945, 1975) : m_rng.Between(1920, 2025);  // baby boom
        t.birthDate = Date{year, m_rng.Between(1, 12), 0};
        do t.birthDate.day = m_rng.Between(1, 31);
        while (!Date::IsValid(t.birthDate.year, t.birthDate.month, t.birthDate.day));
        t.birthPlace = BirthPlace();
        if (m_rng.Chance(0.05)) r.usedName = Surname();  // mostly married names
        if (m_rng.Chance(0.01)) r.usedFirstName = FirstName(t.sex);
        return r;
    }

private:
    std::string Surname() {
        const double u = m_rng.Unit();
        if (u < 0.22) return m_surnames[m_surnameRank(m_rng)];
        if (u < 0.24) return m_surnames[m_surnameRank(m_rng)] + "-" + m_surnames[m_surnameRank(m_rng)];
        std::string name = m_onsets[m_onsetRank(m_rng)];  // the long tail: rare, generated names
        if (m_rng.Chance(0.45)) name += m_onsets[m_onsetRank(m_rng)];
        name += m_suffixes[m_suffixRank(m_rng)];
        if (m_rng.Chance(0.03)) name = (std::string("AEIOU").find(name[0]) != std::string::npos ? "D'" : "LE ") + name;
        return name;
    }
    std::string FirstName(Sex sex) {
        const auto& list = sex == Sex::Female ? m_female : m_male;
        const Zipf& rank = sex == Sex::Female ? m_femaleRank : m_maleRank;
        std::string n = list[rank(m_rng)];
        if (const std::string& second = list[rank(m_rng)]; m_rng.Chance(0.04) && second != n &&
                                                          (n + second).find('-') == std::string::npos)
            n += "-" + second;
        return n;
    }
    std::string BirthPlace() {  // INSEE COG
        const double u = m_rng.Unit();
        if (u < 0.08) return "99" + m_countries[m_rng.Below(m_countries.size())];
        if (u < 0.085) return "99999";  // born abroad, country unknown
        if (u < 0.10) return (m_rng.Chance(0.5) ? "2A" : "2B") + Pad(m_rng.Between(1, 366), 3);
        if (u < 0.12) return "97" + std::string(1, "12346"[m_rng.Below(5)]) + Pad(m_rng.Between(1, 34), 2);
        if (u < 0.16) return "751" + Pad(m_rng.Between(1, 20), 2);  // Paris arrondissements
        const int department = m_rng.Between(1, 94);
        return Pad(department >= 20 ? department + 1 : department, 2) + Pad(m_rng.Between(1, 700), 3);
    }

    Rng m_rng;
    std::vector<std::string> m_surnames = Split(kSurnames), m_male = Split(kMaleFirstNames),
                             m_female = Split(kFemaleFirstNames), m_onsets = Split(kOnsets),
                             m_suffixes = Split(kSuffixes), m_countries = Split(kCountries);
    Zipf m_surnameRank{m_surnames.size(), 0.6}, m_maleRank{m_male.size(), 0.8}, m_femaleRank{m_female.size(), 0.8},
        m_onsetRank{m_onsets.size(), 0.5}, m_suffixRank{m_suffixes.size(), 0.7};
};

// A spelling a clerk could hear as the same name (DUPONT → DUPOND), with the same phonetic key.
std::string PhoneticVariant(const std::string& name) {
    const std::string tries[] = {name.substr(0, name.size() - 1) + (name.back() == 'T' ? "D" : "T"), name + "S"};
    for (const auto& v : tries)
        if (v != name && domain::PhoneticKey(v) == domain::PhoneticKey(name)) return v;
    return name;
}

struct Stats { double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0; };
Stats Summarize(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto rank = [&](double q) {
        const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
        return v[std::min(v.size() - 1, i == 0 ? 0 : i - 1)];
    };
    Stats s{rank(0.50), rank(0.95), rank(0.99), v.back(), 0};
    for (double x : v) s.mean += x / static_cast<double>(v.size());
    return s;
}

double CpuSeconds() {  // user + system time of this process: a fairer figure on a shared machine
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
double Ms(SteadyClock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }
std::string Fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}
double Percent(std::uint64_t part, std::uint64_t whole) {
    return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 100.0;
}
void Report(util::JsonWriter& w, const char* key, const char* label, const Stats& s, const std::string& extra) {
    std::cout << label << ": p50 " << Fixed(s.p50, 3) << " ms, p95 " << Fixed(s.p95, 3) << " ms, p99 "
              << Fixed(s.p99, 3) << " ms, max " << Fixed(s.max, 3) << " ms, mean " << Fixed(s.mean, 3) << " ms; "
              << extra << "\n";
    w.Key(key).BeginObject().Key("p50").Double(s.p50).Key("p95").Double(s.p95).Key("p99").Double(s.p99);
    w.Key("max").Double(s.max).Key("mean").Double(s.mean).EndObject();
}

struct Options {
    std::uint64_t count = 1000000, queries = 2000, seed = 20240501, batch = 0;  // batch 0: one Import call
    std::string db;
    bool keep = false;
};

// Removes the database (and the temporary directory we created) on every way out, unless --keep.
struct Cleanup {
    std::string db, tempDir;
    bool keep = false;
    ~Cleanup() {
        std::error_code ec;
        if (keep || db.empty()) return;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db + suffix, ec);
        if (!tempDir.empty()) fs::remove_all(tempDir, ec);
    }
};

int Run(Options opt) {
    if (opt.batch == 0) opt.batch = opt.count;
    Cleanup cleanup{opt.db, "", opt.keep};
    if (cleanup.db.empty()) {
        std::string dir = (fs::temp_directory_path() / "vigie-bench-XXXXXX").string();
        if (!mkdtemp(dir.data())) throw EnvironmentError("bench.tmp", "cannot create a temporary directory");
        cleanup.tempDir = dir, cleanup.db = dir + "/bench.sqlite";
    } else if (fs::exists(cleanup.db)) {
        cleanup.db.clear();  // not ours: never removed
        throw BadInputError("bench.db_exists", opt.db + " already exists: the benchmark needs a fresh database");
    }
    const std::string dbPath = cleanup.db;
    std::cout << "vigie store benchmark: " << opt.count << " identities, batches of " << opt.batch << ", "
              << opt.queries << " queries, seed " << opt.seed << "\ndatabase: " << dbPath
              << (opt.keep ? " (kept)" : " (removed at the end)") << "\n";
    ports::SystemClock clock;
    auto store = db::OpenSqliteStore(dbPath);  // production settings: WAL, synchronous=FULL
    auto added = usecases::OperatorService(*store, clock).Add(std::nullopt, "bench", domain::Role::Titulaire);
    if (!added.op) throw InternalError("bench.operator", "operator refused: " + added.refusal->message);
    usecases::PatientService patients(*store, clock);

    // Query sources: positions drawn up front and captured while generating (1M identities are never all in memory).
    Rng queryRng(opt.seed ^ 0x5eed5eed5eedULL);
    std::vector<std::uint64_t> positions(std::min(opt.count, 2 * opt.queries));
    for (auto& p : positions) p = queryRng.Next() % opt.count;
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    struct Sample { usecases::CreateRequest request; domain::IdentityId id = 0; };
    std::vector<Sample> samples;

    // ---- import, through the use-case (validation + insert + hash-chained journal entry) ----
    IdentityGenerator generator(opt.seed);
    std::vector<usecases::CreateRequest> batch;
    std::vector<domain::IdentityId> ids;
    std::vector<std::pair<std::size_t, std::size_t>> pending;  // (index in batch, sample)
    double importMs = 0, chunkMs = 0;
    std::uint64_t done = 0, chunkStart = 0, nextSample = 0;
    const std::uint64_t progressEvery = std::max(opt.count / 10, opt.batch);
    const auto wallStart = SteadyClock::now();
    const double cpuStart = CpuSeconds();
    while (done < opt.count) {
        const std::uint64_t n = std::min(opt.batch, opt.count - done);
        batch.clear(), pending.clear();
        for (std::uint64_t k = 0; k < n; ++k) {
            batch.push_back(generator.Next());
            for (; nextSample < positions.size() && positions[nextSample] == done + k; ++nextSample)
                pending.emplace_back(k, samples.size()), samples.push_back({batch.back(), 0});
        }
        const auto t0 = SteadyClock::now();
        const auto result = patients.Import(*added.op, batch, &ids);
        const double ms = Ms(SteadyClock::now() - t0);
        if (!result.Ok()) throw InternalError("bench.import", "import refused: " + result.refusal->message);
        if (ids.size() != n) throw InternalError("bench.import", "import returned a wrong number of ids");
        for (const auto& [k, sample] : pending) samples[sample].id = ids[k];
        importMs += ms, chunkMs += ms, done += n;
        if (done - chunkStart >= progressEvery || done == opt.count) {
            std::cout << "  imported " << done << "/" << opt.count << "  ("
                      << Fixed(static_cast<double>(done - chunkStart) / (chunkMs / 1000.0), 0)
                      << " identities/s over the last " << done - chunkStart << ")" << std::endl;
            chunkStart = done, chunkMs = 0;
        }
    }
    const double wallSeconds = Ms(SteadyClock::now() - wallStart) / 1000.0, cpuSeconds = CpuSeconds() - cpuStart;
    const double importRate = static_cast<double>(opt.count) / (importMs / 1000.0);
    std::cout << "import: " << Fixed(importRate, 0) << " identities/s (Import calls " << Fixed(importMs / 1000.0, 2)
              << " s; " << Fixed(wallSeconds, 2) << " s wall and " << Fixed(cpuSeconds, 2)
              << " s CPU with generation)\n";
    util::JsonWriter w;
    const auto i64 = [](std::uint64_t v) { return static_cast<std::int64_t>(v); };
    w.BeginObject().Field("count", i64(opt.count)).Field("batch", i64(opt.batch));
    w.Field("queries", i64(opt.queries)).Field("seed", i64(opt.seed));
    w.Key("import_rate").Double(importRate).Key("import_seconds").Double(importMs / 1000.0);
    w.Key("import_wall_seconds").Double(wallSeconds).Key("import_cpu_seconds").Double(cpuSeconds);

    // ---- search: birth-name prefix (3 letters) + birth date ----
    std::vector<double> searchMs, dupMs;
    std::uint64_t searchResults = 0, searchFull = 0;
    for (std::uint64_t q = 0; q < opt.queries; ++q) {
        const Sample& s = samples[queryRng.Below(samples.size())];
        ports::SearchQuery query;
        query.birthNamePrefix = s.request.traits.birthName.substr(0, 3);
        query.birthDate = s.request.traits.birthDate;
        const auto t0 = SteadyClock::now();
        const auto found = patients.Search(query);
        searchMs.push_back(Ms(SteadyClock::now() - t0));
        const bool full = static_cast<int>(found.size()) >= query.limit;
        if (!full && std::none_of(found.begin(), found.end(), [&](const auto& i) { return i.id == s.id; }))
            throw InternalError("bench.search", "search missed identity " + std::to_string(s.id) + " (" +
                                                    s.request.traits.birthName + ", " + query.birthDate->ToIso() + ")");
        searchResults += found.size(), searchFull += full;
    }
    const double searchAvg = static_cast<double>(searchResults) / static_cast<double>(opt.queries);
    const Stats search = Summarize(searchMs);
    Report(w, "search_ms", "search (prefix + birth date)", search,
           "avg " + Fixed(searchAvg, 2) + " results, " + std::to_string(searchFull) + " at the limit");
    w.Key("search_avg_results").Double(searchAvg);

    // ---- duplicate candidates: exact traits half the time, a typical entry mistake otherwise ----
    std::uint64_t dupResults = 0, exact = 0, exactFound = 0, perturbed = 0, perturbedFound = 0;
    for (std::uint64_t q = 0; q < opt.queries; ++q) {
        const Sample& s = samples[queryRng.Below(samples.size())];
        domain::StrictTraits probe = s.request.traits;
        if (Date& d = probe.birthDate; queryRng.Chance(0.5)) {
            if (!queryRng.Chance(0.5)) probe.birthName = PhoneticVariant(probe.birthName);
            else if (d.day <= 12 && d.day != d.month) std::swap(d.day, d.month);  // day/month inverted
            else d.day += d.day > 1 ? -1 : 1;                                     // one digit off
        }
        const bool changed = probe != s.request.traits;
        const auto t0 = SteadyClock::now();
        const auto candidates = patients.FindDuplicates(probe, s.request.usedName);
        dupMs.push_back(Ms(SteadyClock::now() - t0));
        if (!changed && candidates.empty())
            throw InternalError("bench.duplicates", "no candidate for the exact traits of " + std::to_string(s.id));
        const bool hasSource =
            std::any_of(candidates.begin(), candidates.end(), [&](const auto& c) { return c.identity.id == s.id; });
        dupResults += candidates.size();
        ++(changed ? perturbed : exact), (changed ? perturbedFound : exactFound) += hasSource;
    }
    const double dupAvg = static_cast<double>(dupResults) / static_cast<double>(opt.queries);
    const Stats dup = Summarize(dupMs);
    Report(w, "duplicate_ms", "duplicates", dup,
           "avg " + Fixed(dupAvg, 2) + " candidates; source found in " + Fixed(Percent(exactFound, exact), 1) +
               "% of " + std::to_string(exact) + " exact, " + Fixed(Percent(perturbedFound, perturbed), 1) +
               "% of " + std::to_string(perturbed) + " perturbed queries");
    w.Key("duplicate_avg_candidates").Double(dupAvg);
    w.Key("duplicate_found_exact").Double(Percent(exactFound, exact) / 100);
    w.Key("duplicate_found_perturbed").Double(Percent(perturbedFound, perturbed) / 100);

    // ---- size and memory (before closing: the WAL is part of what the disk holds) ----
    std::error_code ec;
    const std::uintmax_t dbBytes = fs::file_size(dbPath, ec);
    if (ec) throw EnvironmentError("bench.size", "cannot read the size of " + dbPath);
    const std::uintmax_t walBytes = fs::exists(dbPath + "-wal") ? fs::file_size(dbPath + "-wal") : 0;
    const double totalMb = static_cast<double>(dbBytes + walBytes) / 1e6;
    const double perIdentity = static_cast<double>(dbBytes + walBytes) / static_cast<double>(opt.count);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double rssMb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
    std::cout << "database: " << Fixed(totalMb, 1) << " MB (" << dbBytes << " bytes + WAL " << walBytes << "), "
              << Fixed(perIdentity, 0) << " bytes/identity, journal included\npeak RSS: " << Fixed(rssMb, 1) << " MB\n";
    w.Field("db_bytes", i64(dbBytes)).Field("wal_bytes", i64(walBytes));
    w.Key("db_mb").Double(totalMb).Key("bytes_per_identity").Double(perIdentity).Key("peak_rss_mb").Double(rssMb);
    store.reset();

    w.Key("targets").BeginObject();
    const auto target = [&](const char* name, double value, const char* unit, bool atLeast, double limit) {
        const bool ok = atLeast ? value >= limit : value <= limit;
        w.Field(name, ok);
        std::cout << "target " << name << ": " << Fixed(value, atLeast ? 0 : 3) << " " << unit << " (target "
                  << (atLeast ? ">= " : "<= ") << Fixed(limit, 0) << ") " << (ok ? "OK" : "MISSED") << "\n";
    };
    target("import_rate", importRate, "identities/s", true, 50000);
    target("search_p95", search.p95, "ms", false, 2);
    target("duplicate_p95", dup.p95, "ms", false, 10);
    std::cout << "BENCH_JSON " << w.EndObject().EndObject().Str() << std::endl;
    return 0;
}

bool ParseNumber(const char* text, std::uint64_t& out, std::uint64_t min) {
    char* end = nullptr;
    out = std::strtoull(text, &end, 10);
    return *text >= '0' && *text <= '9' && !*end && out >= min;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    const char* usage = "usage: vigie_bench_store [--count N] [--db PATH] [--queries N] [--seed S] [--batch N] "
                        "[--keep]\n  --db must not exist yet; the database is removed at the end unless --keep.\n"
                        "  --batch 0 (default): every identity in one Import call, as a migration does.\n";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
        bool ok = true;
        if (arg == "--help" || arg == "-h") return std::cout << usage, 0;
        if (arg == "--keep") opt.keep = true;
        else if (!value) ok = false;
        else if (arg == "--db") opt.db = value;
        else if (arg == "--count") ok = ParseNumber(value, opt.count, 1);
        else if (arg == "--queries") ok = ParseNumber(value, opt.queries, 1);
        else if (arg == "--seed") ok = ParseNumber(value, opt.seed, 0);
        else if (arg == "--batch") ok = ParseNumber(value, opt.batch, 0);
        else ok = false;
        if (ok && arg != "--keep") ++i;
        if (!ok || (arg == "--db" && opt.db.empty())) return std::cerr << "bad argument: " << arg << "\n" << usage, 2;
    }
    try {
        return Run(opt);
    } catch (const vigie::Error& e) {
        std::cerr << "error [" << e.Code() << "]: " << e.what() << "\n";
        return e.Kind() == vigie::ErrorKind::BadInput ? 2 : 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
