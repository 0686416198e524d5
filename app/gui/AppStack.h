#pragma once
// The composition root of the counter app: the store (SQLite, chosen here and nowhere else),
// the INSi client from the configuration, the card reader, the operator at the counter.
// Demo mode builds all of it on the embedded DemoStack, with demo operators.
// Thread affinity: built and destroyed on the GUI thread; the store, the INSi client and the
// use-cases are used from the worker thread (they are thread-safe, see their ports).

#include <memory>
#include <optional>
#include <string>

#include "app/gui/DemoStack.h"
#include "app/gui/Options.h"
#include "core/cardsim/SimulatedCardReader.h"
#include "core/domain/Operator.h"
#include "core/ports/ICardReader.h"
#include "core/ports/IClock.h"
#include "core/ports/IInsiService.h"
#include "core/ports/IStore.h"
#include "core/usecases/SwappableInsiService.h"
#include "printing/model/DocumentLayout.h"
#include "printing/render/PangoMeasurer.h"

namespace vigie::gui {

struct AppStack {
    std::unique_ptr<DemoStack> demo;                  // demo mode only (stopped last)
    std::unique_ptr<ports::IStore> store;
    ports::SystemClock clock;
    std::unique_ptr<ports::IInsiService> insi;
    usecases::SwappableInsiService* insiClient = nullptr;  // inside `insi`: replaced live by Réglages › Connexion INSi
    std::unique_ptr<ports::ICardReader> reader;
    cardsim::SimulatedCardReader* simulated = nullptr;  // the reader, when it is the simulated one
    domain::Operator op;                               // logged in at the counter
    std::optional<domain::Operator> referent;          // demo: the identitovigilance referent
    int lockMinutes = 3;                               // app.lock_minutes (issue #6; 0: never)
    printing::PharmacyHeader pharmacy;                 // pharmacy.name / pharmacy.address (vigie.conf)
    std::string configPath;                            // vigie.conf (Réglages › Connexion INSi edits its insi.* keys)

    // Worker thread only (one measurer per thread): created there on first use.
    const printing::IMeasurer& Measurer();

    ~AppStack();

private:
    std::unique_ptr<printing::PangoMeasurer> m_measurer;
};

// EnvironmentError / BadInputError (French) when something is missing.
std::unique_ptr<AppStack> BuildStack(const Options& options);

// Demo: the stack's database and configuration with the operators created (claire titulaire,
// paul comptoir, ines identitovigilance); used by the headless fallback too.
void CreateDemoOperators(ports::IStore& store, const ports::IClock& clock);

}  // namespace vigie::gui
