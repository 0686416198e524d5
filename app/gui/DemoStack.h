#pragma once
// The embedded demo stack of `vigie --demo`: a fresh directory (under $XDG_RUNTIME_DIR or /tmp),
// the simulator's test PKI and vigie.conf, vigie-insi-sim on 127.0.0.1:<free port> (stopped
// with this object), the SQLite file path and the demo cards folder.

#include <filesystem>
#include <string>

namespace vigie::gui {

class DemoStack {
public:
    DemoStack();   // EnvironmentError (French) when the simulator cannot start
    ~DemoStack();  // stops the simulator
    DemoStack(const DemoStack&) = delete;
    DemoStack& operator=(const DemoStack&) = delete;

    const std::filesystem::path& Dir() const { return m_dir; }
    std::filesystem::path Database() const { return m_dir / "vigie.db"; }
    std::filesystem::path Config() const { return m_dir / "pki" / "vigie.conf"; }
    std::filesystem::path Pki() const { return m_dir / "pki"; }
    int Port() const { return m_port; }

    static std::string SimulatorPath();
    static std::filesystem::path CardsDir();

private:
    void Stop();
    std::filesystem::path m_dir;
    int m_pid = -1;
    int m_port = 0;
};

}  // namespace vigie::gui
