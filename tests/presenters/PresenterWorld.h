#pragma once
// The common ground of the presenter tests: a real SQLite store in a temporary directory, a
// fixed clock, a scripted INSi (answers nothing until a test says what), the titulaire « t » and
// the counter operator « paul ».
#include <memory>

#include "core/usecases/OperatorService.h"
#include "core/usecases/PatientService.h"
#include "db/sqlite/SqliteStore.h"
#include "tests/db/StoreFixture.h"
#include "tests/support/Builders.h"
#include "tests/support/FakeInsi.h"

namespace vigie::test {

struct PresenterWorld {
    TempDir dir;
    std::unique_ptr<ports::IStore> store = db::OpenSqliteStore((dir.Path() / "v.db").string());
    FixedClock clock;
    FakeInsi insi;
    domain::Operator titulaire, counter;

    PresenterWorld() {
        usecases::OperatorService ops(*store, clock);
        titulaire = *ops.Add(std::nullopt, "t", domain::Role::Titulaire).op;
        counter = *ops.Add("t", "paul", domain::Role::Comptoir).op;
    }
    usecases::PatientService Patients() { return usecases::PatientService(*store, clock); }
};

}  // namespace vigie::test
