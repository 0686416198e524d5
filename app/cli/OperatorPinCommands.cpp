// vigie-cli operator set-pin NAME | operator switch NAME (issue #6).
//
// The PIN is read from standard input, never from the command line: argv is readable by every
// local user (ps, /proc/<pid>/cmdline) for as long as the process runs, and it lands in shell
// history and process-accounting logs. Standard input is not exposed that way. On a terminal
// the typed digits are not echoed.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <ostream>

#include "app/cli/Args.h"
#include "app/cli/Context.h"
#include "core/usecases/OperatorService.h"
#include "core/util/Json.h"

namespace vigie::cli {

using namespace vigie::domain;

namespace {

// One line from stdin without its end of line. Echo is switched off while a terminal types it.
std::string ReadPin(Context& ctx, const char* prompt) {
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        ctx.err << prompt << std::flush;
    }
    std::string pin;
    const bool got = static_cast<bool>(std::getline(std::cin, pin));
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        ctx.err << '\n';
    }
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    if (!got || pin.empty())
        throw BadInputError("input.pin", "Code PIN attendu sur l'entrée standard (ex. : echo 4821 | vigie-cli … ).");
    return pin;
}

int Print(Context& ctx, const usecases::OperatorResult& r, const std::string& text) {
    if (r.refusal) return ctx.Refused(*r.refusal);
    if (ctx.json) {
        util::JsonWriter w;
        w.BeginObject().Field("ok", true).Field("name", r.op->name).Field("role", RoleCode(r.op->role)).EndObject();
        ctx.out << w.Str() << '\n';
    } else {
        ctx.out << text << r.op->name << " (" << RoleLabel(r.op->role) << ")\n";
    }
    return kExitOk;
}

}  // namespace

int OperatorSetPin(Context& ctx, Args& args) {
    const std::string name = args.Word(0, "nom de l'opérateur");
    args.Done(1);
    if (!ctx.user) throw BadInputError("input.actor", "Opérateur requis pour définir un code PIN (--user).");
    const std::string pin = ReadPin(ctx, "Nouveau code PIN : ");
    const auto r = usecases::OperatorService(ctx.Store(), ctx.clock).SetPin(*ctx.user, name, pin);
    return Print(ctx, r, "Code PIN enregistré pour ");
}

int OperatorSwitch(Context& ctx, Args& args) {
    const std::string name = args.Word(0, "nom de l'opérateur");
    args.Done(1);
    const std::string pin = ReadPin(ctx, "Code PIN : ");
    const auto r = usecases::OperatorService(ctx.Store(), ctx.clock).SwitchTo(name, pin, ctx.user);
    return Print(ctx, r, "Opérateur actif : ");
}

}  // namespace vigie::cli
