#include "app/gui/InactivityWatcher.h"

#include <filesystem>

#include <wx/event.h>

#include "core/domain/Errors.h"
#include "core/util/ConfigFile.h"

namespace vigie::gui {

int LockMinutesFromConfig(const std::string& configPath) {
    if (configPath.empty() || !std::filesystem::exists(configPath)) return kDefaultLockMinutes;
    const auto value = util::ConfigFile::Load(configPath).Get("app.lock_minutes");
    if (!value) return kDefaultLockMinutes;
    int minutes = 0;
    bool ok = !value->empty() && value->size() <= 3;
    for (char c : *value) {
        ok = ok && c >= '0' && c <= '9';
        if (ok) minutes = minutes * 10 + (c - '0');
    }
    if (!ok || minutes > 240)
        throw BadInputError("config.lock_minutes", "app.lock_minutes : nombre de minutes entre 0 et 240 attendu, lu « " +
                                                       *value + " ».");
    return minutes;
}

InactivityWatcher::InactivityWatcher(std::chrono::minutes timeout, std::function<void()> onIdle)
    : m_timeout(timeout), m_onIdle(std::move(onIdle)), m_last(Clock::now()) {
    wxEvtHandler::AddFilter(this);
    if (m_timeout.count() > 0) Start(1000);
}

InactivityWatcher::~InactivityWatcher() {
    Stop();
    wxEvtHandler::RemoveFilter(this);
}

void InactivityWatcher::Reset() {
    m_last = Clock::now();
    m_fired = false;
}

void InactivityWatcher::SimulateInactivity() {
    m_fired = true;
    if (m_onIdle) m_onIdle();
}

int InactivityWatcher::FilterEvent(wxEvent& event) {
    const wxEventType t = event.GetEventType();
    if (t == wxEVT_KEY_DOWN || t == wxEVT_CHAR || t == wxEVT_LEFT_DOWN || t == wxEVT_RIGHT_DOWN ||
        t == wxEVT_MIDDLE_DOWN || t == wxEVT_MOTION || t == wxEVT_MOUSEWHEEL)
        m_last = Clock::now();
    return Event_Skip;  // only watches
}

void InactivityWatcher::Notify() {
    if (m_fired || m_timeout.count() <= 0 || Clock::now() - m_last < m_timeout) return;
    m_fired = true;  // once, until Reset()
    if (m_onIdle) m_onIdle();
}

}  // namespace vigie::gui
