// Réglages › Connexion INSi (issue #6): the insi.* keys edited through insi::InsiConfigEditor
// against a test PKI minted at test time (vigie-insi-sim's TestPki / CertFactory): every refusal
// names its field and writes nothing, a save changes only the edited lines (comments and unknown
// keys kept) and journals non-secret before/after values, PKCS#12 works, only the titulaire may
// do it, and « Importer… » copies a checked file into <config dir>/certificates/ (0600).
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <tuple>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/insi/InsiConfigEditor.h"
#include "core/usecases/OperatorService.h"
#include "core/usecases/SwappableInsiService.h"
#include "core/util/ConfigFile.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"
#include "tests/support/FakeInsi.h"
#include "tools/insi-sim/CertFactory.h"
#include "tools/insi-sim/TestPki.h"

using namespace vigie;
using namespace vigie::insi;
using domain::Operator;
using domain::Role;
namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream b;
    b << in.rdbuf();
    return b.str();
}
void Write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

struct PkiWorld {
    test::TempDir dir;
    fs::path pki = dir.Path() / "pki";
    fs::path conf = dir.Path() / "conf" / "vigie.conf";
    std::unique_ptr<ports::IStore> store;
    test::FixedClock clock;
    Operator titulaire, counter;

    PkiWorld() {
        sim::TestPki::Create({pki, 8443, 365, false});
        fs::create_directories(conf.parent_path());
        // The administrator's file: comments, another module's keys, the PKI's insi.* keys.
        Write(conf, "# Poste 2 (comptoir)\npharmacy.name = Pharmacie des Lilas\n\n" + sim::TestPki::ConfigText(pki, 8443) +
                        "app.lock_minutes = 5\n# fin\n");
        fs::permissions(conf, fs::perms::owner_read | fs::perms::owner_write);
        store = db::OpenSqliteStore((dir.Path() / "vigie.db").string());
        usecases::OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "claire", Role::Titulaire).op;
        counter = *ops.Add("claire", "paul", Role::Comptoir).op;
    }
    InsiConfigEditor Editor() { return InsiConfigEditor(conf.string(), *store, clock); }
    InsiConfigForm Form() { return Editor().Load().form; }
    std::vector<ports::JournalEntry> Journal() {
        std::vector<ports::JournalEntry> all;
        ports::RunInTransaction(*store, ports::TransactionMode::Read, [&](ports::IStoreTransaction& tx) {
            tx.ForEachJournalEntry([&](const ports::JournalEntry& e) {
                all.push_back(e);
                return true;
            });
        });
        return all;
    }
    // An expired, self-signed CN=INSI-MANU certificate and its key.
    std::pair<fs::path, fs::path> ExpiredIdentity() {
        auto key = sim::CertFactory::NewKey();
        sim::CertSpec spec;
        spec.commonName = "INSI-MANU";
        spec.clientAuth = true;
        spec.days = -2;
        auto cert = sim::CertFactory::Issue(spec, key.get(), nullptr, key.get());
        Write(dir.Path() / "expired.pem", sim::CertFactory::CertPem(cert.get()));
        Write(dir.Path() / "expired.key", sim::CertFactory::KeyPem(key.get()));
        return {dir.Path() / "expired.pem", dir.Path() / "expired.key"};
    }
};

std::string FieldsOf(const InsiSaveResult& r) {
    std::string out;
    for (const auto& e : r.errors) out += (out.empty() ? "" : ",") + e.field;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(InsiConfigEditorSuite)

BOOST_AUTO_TEST_CASE(ConfigFileEditKeepsCommentsOrderAndOtherKeys) {
    const std::string text = "# head\na = 1\n\n  b=2   # not a comment\n# c = old\nc = 3\n";
    BOOST_TEST(util::ConfigFile::Edit(text, {{"b", "20"}, {"c", std::nullopt}, {"d", " 4 "}}) ==
               "# head\na = 1\n\nb = 20\n# c = old\nd = 4\n");
    BOOST_TEST(util::ConfigFile::Edit(text, {}) == text);
    // Same values (spacing aside) and no final newline: the text comes back byte for byte.
    BOOST_TEST(util::ConfigFile::Edit("a=1\n  b = 2", {{"a", "1"}, {"b", "2"}, {"z", std::nullopt}}) == "a=1\n  b = 2");
    BOOST_TEST(util::ConfigFile::Edit("a=1\nb=2\n", {{"b", "3"}}) == "a=1\nb = 3\n");
    BOOST_CHECK_THROW(util::ConfigFile::Edit(text, {{"a", "1\nz = 2"}}), BadInputError);
}

BOOST_AUTO_TEST_CASE(LoadShowsTheConfiguredFilesAndCertificates) {
    PkiWorld w;
    const auto s = w.Editor().Load();
    BOOST_TEST(s.error.empty());
    BOOST_TEST(s.form.endpoint == "https://127.0.0.1:8443/lps");
    BOOST_TEST(s.form.manual.keyFile == (w.pki / "insi-manu.key").string());
    BOOST_TEST(!s.form.manual.password);
    BOOST_TEST(s.form.rateCap == "10");
    BOOST_REQUIRE(s.manual.info);
    BOOST_TEST(s.manual.Ok());
    BOOST_TEST(s.manual.info->subject.find("INSI-MANU") != std::string::npos);
    BOOST_TEST(s.manual.info->sha256.size() == 64u);
    BOOST_REQUIRE(s.automatic.info);
    BOOST_TEST(s.automatic.info->subject.find("INSI-AUTO") != std::string::npos);
    BOOST_TEST(s.ca.Ok());
}

BOOST_AUTO_TEST_CASE(SaveChangesOnlyTheEditedLineAndJournalsWithoutSecrets) {
    PkiWorld w;
    const std::string before = Slurp(w.conf);
    const std::size_t start = w.Journal().size();
    auto f = w.Form();
    f.rateCap = "20";
    const auto r = w.Editor().Save(w.titulaire, f);
    BOOST_TEST(!r.refusal, r.refusal.value_or(""));
    BOOST_TEST(r.changed);
    std::string expected = before;
    expected.replace(expected.find("insi.rate_cap = 10"), 18, "insi.rate_cap = 20");
    BOOST_TEST(Slurp(w.conf) == expected);
    BOOST_TEST(static_cast<unsigned>(fs::status(w.conf).permissions() & fs::perms::mask) == 0600u);  // kept
    for (const auto& e : fs::directory_iterator(w.conf.parent_path()))  // no temporary file left
        BOOST_TEST(e.path().filename() == "vigie.conf");
    const auto j = w.Journal();
    BOOST_REQUIRE(j.size() == start + 1);
    const auto& e = j.back();
    BOOST_TEST(e.action == "settings.insi_changed");
    BOOST_TEST(e.operatorName == "claire");
    BOOST_TEST(!e.identityId);
    BOOST_TEST(e.before.find("\"rate_cap\":\"10\"") != std::string::npos, e.before);
    BOOST_TEST(e.after.find("\"rate_cap\":\"20\"") != std::string::npos, e.after);
    BOOST_TEST(e.after.find("INSI-MANU") != std::string::npos);
    BOOST_TEST(e.after.find("\"sha256\":\"") != std::string::npos);
    BOOST_TEST(e.after.find("\"not_after\":\"") != std::string::npos);
    BOOST_TEST(e.after.find("https://127.0.0.1:8443/lps") != std::string::npos);
    // The same form again: nothing written, nothing journaled.
    BOOST_TEST(!w.Editor().Save(w.titulaire, f).changed);
    BOOST_TEST(w.Journal().size() == start + 1);
}

BOOST_AUTO_TEST_CASE(EveryInvalidFieldIsRefusedByNameAndNothingIsWritten) {
    PkiWorld w;
    const std::string before = Slurp(w.conf);
    const std::size_t start = w.Journal().size();
    const auto [expiredPem, expiredKey] = w.ExpiredIdentity();
    const std::string manuPem = (w.pki / "insi-manu.pem").string(), autoKey = (w.pki / "insi-auto.key").string();
    struct Case {
        std::function<void(InsiConfigForm&)> edit;
        std::string field, words;
    };
    const std::vector<Case> cases = {
        {[](auto& f) { f.endpoint = "http://127.0.0.1:8443/lps"; }, "endpoint", "https://"},
        {[](auto& f) { f.endpoint = "https://"; }, "endpoint", "Adresse du téléservice"},
        {[](auto& f) { f.endpoint = "https://in si.fr/lps"; }, "endpoint", "adresse invalide"},
        {[](auto& f) { f.endpoint = "https://insi.fr:99999/lps"; }, "endpoint", "adresse invalide"},
        {[&](auto& f) { f.caFile = (w.pki / "absent.pem").string(); }, "ca_file", "Autorités de confiance"},
        {[&](auto& f) { f.caFile = (w.pki / "ca.key").string(); }, "ca_file", "Autorités de confiance"},
        {[&](auto& f) { f.manual = {expiredPem.string(), expiredKey.string(), std::nullopt}; }, "cert_manu", "expiré"},
        {[&](auto& f) { f.manual.keyFile = autoKey; }, "key_manu", "ne correspond pas"},
        {[&](auto& f) { f.manual.keyFile = ""; }, "key_manu", "clé privée obligatoire"},
        {[&](auto& f) { f.automatic.certFile = ""; }, "cert_auto", "INSI-AUTO"},
        {[&](auto& f) { f.manual = {(w.pki / "insi-manu.p12").string(), "", std::string("mauvais")}; }, "cert_manu",
         "mot de passe"},
        {[&](auto& f) { f.manual = {manuPem, (w.pki / "absent.key").string(), std::nullopt}; }, "key_manu", "clé"},
        {[](auto& f) { f.idam = ""; }, "idam", "IDAM"},
        {[](auto& f) { f.idam = "12345"; }, "idam", "12 caractères"},
        {[](auto& f) { f.rateCap = "0"; }, "rate_cap", "Débit maximal"},
        {[](auto& f) { f.rateCap = "66"; }, "rate_cap", "1 à 65"},
        {[](auto& f) { f.rateCap = "2.5"; }, "rate_cap", "entier"},
        {[](auto& f) { f.rateCap = "dix"; }, "rate_cap", "entier"},
        {[](auto& f) { f.connectTimeoutMs = "50"; }, "connect_timeout_ms", "Délai de connexion"},
        {[](auto& f) { f.timeoutMs = "200000"; }, "timeout_ms", "Délai de réponse"},
        {[](auto& f) { f.retries = "6"; }, "retries", "Nouvelles tentatives"},
    };
    for (const auto& c : cases) {
        auto f = w.Form();
        f.rateCap = "30";  // a valid change beside the invalid one: still nothing written
        c.edit(f);
        const auto r = w.Editor().Save(w.titulaire, f);
        BOOST_TEST_CONTEXT("field " << c.field) {
            BOOST_REQUIRE(r.refusal);
            BOOST_TEST(!r.changed);
            BOOST_REQUIRE(r.errors.size() == 1u);
            BOOST_TEST(FieldsOf(r) == c.field);
            BOOST_TEST(r.errors[0].message.find(c.words) != std::string::npos, r.errors[0].message);
            BOOST_TEST(Slurp(w.conf) == before);
        }
    }
    BOOST_TEST(w.Journal().size() == start);
}

BOOST_AUTO_TEST_CASE(Pkcs12IdentityIsSavedAndItsPasswordNeverJournaled) {
    PkiWorld w;
    auto f = w.Form();
    f.manual = {(w.pki / "insi-manu.p12").string(), "", std::string(sim::kP12Password)};
    const auto r = w.Editor().Save(w.titulaire, f);
    BOOST_TEST(!r.refusal, r.refusal.value_or("") << " " << FieldsOf(r));
    const auto c = util::ConfigFile::Load(w.conf.string());
    BOOST_TEST(c.Get("insi.p12_manu").value_or("") == (w.pki / "insi-manu.p12").string());
    BOOST_TEST(!c.Get("insi.cert_manu"));
    BOOST_TEST(!c.Get("insi.key_manu"));
    BOOST_TEST(c.Get("insi.password_manu").value_or("") == sim::kP12Password);
    BOOST_TEST(c.Get("pharmacy.name").value_or("") == "Pharmacie des Lilas");
    const auto e = w.Journal().back();
    BOOST_TEST(e.action == "settings.insi_changed");
    BOOST_TEST(e.after.find("pkcs12") != std::string::npos);
    BOOST_TEST(e.after.find("INSI-MANU") != std::string::npos);
    for (const auto& text : {e.before, e.after}) {
        BOOST_TEST(text.find('"' + std::string(sim::kP12Password) + '"') == std::string::npos);  // paths hold "vigie-tests"
        BOOST_TEST(text.find("password") == std::string::npos);
        BOOST_TEST(text.find("PRIVATE KEY") == std::string::npos);
    }
    // Reloaded: the PKCS#12 opens with the stored password, which is never handed back.
    const auto s = w.Editor().Load();
    BOOST_TEST(s.manual.Ok(), s.manual.error);
    BOOST_TEST(!s.form.manual.password);
    BOOST_TEST(s.form.manual.keyFile.empty());
}

BOOST_AUTO_TEST_CASE(OnlyTheTitulaireMayChangeOrImport) {
    PkiWorld w;
    const std::string before = Slurp(w.conf);
    auto f = w.Form();
    f.rateCap = "20";
    const auto r = w.Editor().Save(w.counter, f);
    BOOST_REQUIRE(r.refusal);
    BOOST_TEST(r.refusal->find("réservé au titulaire") != std::string::npos);
    const auto i = w.Editor().Import(w.counter, (w.pki / "insi-manu.pem").string(), InsiFileKind::Certificate, "");
    BOOST_TEST(i.refusal.has_value());
    BOOST_TEST(Slurp(w.conf) == before);
    BOOST_TEST(!fs::exists(w.conf.parent_path() / "certificates"));
    BOOST_TEST(w.Journal().size() == 2u);  // the two operators only
}

BOOST_AUTO_TEST_CASE(ImportCopiesACheckedFileIntoTheConfigDirectory) {
    PkiWorld w;
    auto editor = w.Editor();
    const auto bad = editor.Import(w.titulaire, (w.pki / "ca.key").string(), InsiFileKind::Certificate, "");
    BOOST_REQUIRE(bad.refusal);
    BOOST_TEST(bad.refusal->find("non importé") != std::string::npos);
    BOOST_TEST(!editor.Import(w.titulaire, (w.pki / "insi-manu.p12").string(), InsiFileKind::Pkcs12, "x").path.size());
    const auto cert = editor.Import(w.titulaire, (w.pki / "insi-auto.pem").string(), InsiFileKind::Certificate, "");
    const auto key = editor.Import(w.titulaire, (w.pki / "insi-auto.key").string(), InsiFileKind::Key, "");
    BOOST_REQUIRE(!cert.refusal);
    BOOST_REQUIRE(!key.refusal);
    const fs::path dir = w.conf.parent_path() / "certificates";
    BOOST_TEST(fs::path(cert.path) == dir / "insi-auto.pem");
    BOOST_TEST(Slurp(cert.path) == Slurp(w.pki / "insi-auto.pem"));
    struct stat st {};
    BOOST_REQUIRE(::stat(key.path.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    // Another file with the same name never replaces the copy the configuration may use.
    const auto [expiredPem, expiredKey] = w.ExpiredIdentity();
    fs::create_directories(w.dir.Path() / "new");
    fs::copy_file(w.pki / "insi-manu.key", w.dir.Path() / "new" / "insi-auto.key");
    const auto other = editor.Import(w.titulaire, (w.dir.Path() / "new" / "insi-auto.key").string(), InsiFileKind::Key, "");
    BOOST_TEST(fs::path(other.path) == dir / "insi-auto-2.key");
    BOOST_TEST(Slurp(key.path) == Slurp(w.pki / "insi-auto.key"));
    // The form then points to the copies, and saves.
    auto f = w.Form();
    f.automatic = {cert.path, key.path, std::nullopt};
    BOOST_TEST(!w.Editor().Save(w.titulaire, f).refusal);
    BOOST_TEST(util::ConfigFile::Load(w.conf.string()).Get("insi.cert_auto").value_or("") == cert.path);
    const auto j = w.Journal();
    BOOST_TEST(j.back().action == "settings.insi_changed");
    BOOST_TEST(j[j.size() - 2].action == "settings.insi_file_imported");
    BOOST_TEST(j[j.size() - 2].after.find("PRIVATE") == std::string::npos);
}

// Applied live: the app's client is swapped; a call after Replace goes to the new service, and the
// old one stays alive for a caller still holding it.
BOOST_AUTO_TEST_CASE(SwappableServiceSendsTheNextCallToTheNewClient) {
    auto first = std::make_shared<test::FakeInsi>();
    auto second = std::make_shared<test::FakeInsi>();
    first->onTraits = [](const auto&) { return test::FakeInsi::NotFound(); };
    second->onTraits = [](const auto&) { return test::FakeInsi::Several(); };
    std::weak_ptr<test::FakeInsi> firstAlive = first;
    usecases::SwappableInsiService insi(first);
    first.reset();
    BOOST_TEST(insi.SearchByTraits({}, ports::InsiCallMode::Operator).code == "01");
    insi.Replace(second);
    BOOST_TEST(insi.SearchByTraits({}, ports::InsiCallMode::Batch).code == "02");
    BOOST_TEST(second->traitsCalls.size() == 1u);
    BOOST_TEST(firstAlive.expired());  // released once replaced
}

BOOST_AUTO_TEST_CASE(OpenInsiClientReadsTheSavedFile) {
    PkiWorld w;
    BOOST_TEST(OpenInsiClient(w.conf.string(), *w.store, w.clock) != nullptr);
    Write(w.conf, Slurp(w.conf) + "insi.rate_cap = 99\n");  // duplicate key: refused, in French
    BOOST_CHECK_THROW(OpenInsiClient(w.conf.string(), *w.store, w.clock), BadInputError);
}

// vigie-cli insi config show|set: the same editor from the command line (exit 1 + French refusal).
BOOST_AUTO_TEST_CASE(CliShowAndSetGoThroughTheSameEditor) {
    PkiWorld w;
    const std::string before = Slurp(w.conf);
    auto cli = [&](const std::string& args) {
        const std::string command = std::string(VIGIE_CLI_PATH) + " --db " + (w.dir.Path() / "vigie.db").string() +
                                    " --config " + w.conf.string() + " " + args + " 2>&1";
        std::string out;
        FILE* pipe = ::popen(command.c_str(), "r");
        BOOST_REQUIRE(pipe);
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
        const int status = ::pclose(pipe);
        return std::pair{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
    };
    auto [code, out] = cli("--user claire insi config set --rate-cap 70 --endpoint http://insi.example/lps");
    BOOST_TEST(code == 1, out);
    BOOST_TEST(out.find("1 à 65") != std::string::npos, out);
    BOOST_TEST(out.find("https://") != std::string::npos, out);
    BOOST_TEST(Slurp(w.conf) == before);
    std::tie(code, out) = cli("--user paul insi config set --rate-cap 20");
    BOOST_TEST(code == 1, out);
    BOOST_TEST(out.find("réservé au titulaire") != std::string::npos, out);
    std::tie(code, out) = cli("--user claire insi config set --rate-cap 20");
    BOOST_TEST(code == 0, out);
    BOOST_TEST(util::ConfigFile::Load(w.conf.string()).Get("insi.rate_cap").value_or("") == "20");
    BOOST_TEST(w.Journal().back().action == "settings.insi_changed");
    std::tie(code, out) = cli("--json insi config show");
    BOOST_TEST(code == 0, out);
    BOOST_TEST(out.find("\"rate_cap\":\"20\"") != std::string::npos, out);
    BOOST_TEST(out.find("INSI-MANU") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
