#pragma once
// What every vigie-cli command gets: output mode, streams, the store (opened on first use by the
// factory main.cpp provides — the only place a backend is chosen), the clock, the operator.

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "core/domain/IdentityStateMachine.h"
#include "core/ports/ICardReader.h"
#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/ports/IStore.h"
#include "core/usecases/PatientService.h"

namespace vigie::insi {
class InsiClient;
}

namespace vigie::cli {

// Exit codes (documented in the README).
inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;      // a business rule refused, or a check said "invalid"
inline constexpr int kExitBadInput = 2;     // unusable input: options, values, unknown ids
inline constexpr int kExitEnvironment = 3;  // database file, disk, service unreachable
inline constexpr int kExitInternal = 4;     // a bug

class Context {
public:
    using StoreFactory = std::function<std::unique_ptr<ports::IStore>()>;
    // Builds the INSi client from the configuration, given the installation instance id.
    using InsiFactory = std::function<std::unique_ptr<insi::InsiClient>(const std::string& instanceId)>;
    // A card reader: the simulated one holding the card of that file, or (no file) PC/SC.
    using ReaderFactory = std::function<std::unique_ptr<ports::ICardReader>(const std::optional<std::string>& cardFile)>;
    Context(std::ostream& outStream, std::ostream& errStream, StoreFactory factory, InsiFactory insiFactory,
            ReaderFactory readerFactory);
    ~Context();

    std::ostream& out;
    std::ostream& err;
    bool json = false;
    std::optional<std::string> user;  // --user, else VIGIE_USER
    std::string configPath;           // --config, else VIGIE_CONFIG, else the user's default
    ports::SystemClock clock;

    ports::IStore& Store();
    insi::InsiClient& Insi();  // opens the store too (installation instance id)
    // The client wrapped in usecases::MeteredInsiService (Tableau de bord): every use-case call
    // goes through it; Insi() stays for the client's own tools (request rendering, batch rate).
    ports::IInsiService& InsiService();
    std::unique_ptr<ports::ICardReader> OpenCardReader(const std::optional<std::string>& cardFile) {
        return m_readerFactory(cardFile);
    }
    // The operator running the command; BadInputError when --user is missing or unknown.
    domain::Operator Operator();

    // Prints a refusal (text: on stderr; JSON: an object on stdout) and returns kExitRefused.
    int Refused(const domain::Refusal& refusal);
    // Prints the notes of a command result (text mode).
    void Notes(const std::vector<std::string>& notes);

private:
    StoreFactory m_factory;
    InsiFactory m_insiFactory;
    ReaderFactory m_readerFactory;
    std::unique_ptr<ports::IStore> m_store;
    std::unique_ptr<insi::InsiClient> m_insi;
    std::unique_ptr<ports::IInsiService> m_meteredInsi;
};

class Args;
using Command = int (*)(Context&, Args&);

int NirCheck(Context&, Args&);
int TraitsNormalize(Context&, Args&);
int PatientCreate(Context&, Args&);
int PatientShow(Context&, Args&);
int PatientSearch(Context&, Args&);
int PatientHistory(Context&, Args&);
int PatientValidate(Context&, Args&);
int PatientWithdrawDocument(Context&, Args&);
int PatientSetAttribute(Context&, Args&);
int PatientEdit(Context&, Args&);
int PatientImport(Context&, Args&);  // ImportCommands.cpp
int JournalVerify(Context&, Args&);
int OperatorAdd(Context&, Args&);
int OperatorList(Context&, Args&);
int OperatorSetPin(Context&, Args&);  // OperatorPinCommands.cpp (issue #6)
int OperatorSwitch(Context&, Args&);
int Stats(Context&, Args&);
int StatsDashboard(Context&, Args&);  // DashboardCommands.cpp (issue #6): stats --dashboard
int IdentitovigilanceCollisions(Context&, Args&);       // CollisionCommands.cpp (issue #6)
int IdentitovigilanceReviewCollision(Context&, Args&);
int InsiSearch(Context&, Args&);
int InsiVitale(Context&, Args&);
int InsiParse(Context&, Args&);
int InsiConfig(Context&, Args&);  // insi config show|set (issue #6)
int PatientRetrieve(Context&, Args&);
int VerifyAll(Context&, Args&);
int CardRead(Context&, Args&);
int CardWatch(Context&, Args&);
int Counter(Context&, Args&);
int Datamatrix(Context&, Args&);
int PrintLabel(Context&, Args&);
int PrintDocument(Context&, Args&);
int PrintQueues(Context&, Args&);
int LabelRulesList(Context&, Args&);
int LabelRulesShow(Context&, Args&);
int LabelRulesImport(Context&, Args&);
int LabelRulesExport(Context&, Args&);

}  // namespace vigie::cli
