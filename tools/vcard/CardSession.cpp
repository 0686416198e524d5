#include "tools/vcard/CardSession.h"

#include <thread>

#include "tools/vcard/Log.h"
#include "tools/vcard/VitaleApplet.h"
#include "tools/vcard/VpcdLink.h"

namespace vigie::vcard {

CardSession::CardSession(CardDescription card, SessionOptions options)
    : m_card(std::move(card)), m_options(std::move(options)) {}

CardSession::Outcome CardSession::Run(const std::atomic<bool>& stop) {
    using Clock = std::chrono::steady_clock;
    VpcdLink link;
    VitaleApplet applet(m_card);
    const auto connectDeadline = Clock::now() + m_options.connectTimeout;
    const std::string where = m_options.host + ":" + std::to_string(m_options.port);
    bool everConnected = false;
    bool waitingLogged = false;
    int apdus = 0;

    for (;;) {
        if (stop.load()) {
            if (link.IsOpen()) LogLine("carte « " + m_card.name + " » retirée");
            link.Close();
            return Outcome::Stopped;
        }
        if (m_options.removeAt && Clock::now() >= *m_options.removeAt) {
            if (link.IsOpen()) LogLine("durée de maintien écoulée : carte « " + m_card.name + " » retirée");
            link.Close();
            return Outcome::HoldElapsed;
        }
        if (!link.IsOpen()) {
            std::string error;
            if (link.Connect(m_options.host, m_options.port, error)) {
                LogLine("carte « " + m_card.name + " » insérée dans le lecteur virtuel " + where + " (ATR " +
                        m_card.AtrHex() + ")");
                applet.Reset();
                apdus = 0;
                everConnected = true;
                waitingLogged = false;
                continue;
            }
            if (!everConnected && Clock::now() >= connectDeadline) {
                LogLine("erreur : lecteur virtuel injoignable : " + error +
                        " ; pcscd est-il lancé avec le pilote vpcd (tests/pcsc/pcscd-env.sh) ?");
                return Outcome::NoReader;
            }
            if (everConnected && !waitingLogged) {
                LogLine("en attente du lecteur virtuel " + where + " (pcscd redémarre ?)");
                waitingLogged = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        Bytes message;
        switch (link.Receive(message, std::chrono::milliseconds(100))) {
            case VpcdLink::Result::Timeout: continue;
            case VpcdLink::Result::Closed:
                LogLine("le lecteur virtuel a fermé la connexion (pcscd arrêté ?) : la carte attend son retour");
                continue;
            case VpcdLink::Result::Message: break;
        }
        if (message.size() == 1) {
            if (message[0] == 4) {
                link.Send(m_card.atr);
            } else if (message[0] <= 2) {
                applet.Reset();
                if (m_options.verbose)
                    LogLine(message[0] == 0 ? "mise hors tension" : message[0] == 1 ? "mise sous tension" : "reset");
            } else {
                LogLine("commande de contrôle inconnue ignorée : " + ToHex(message));
            }
            continue;
        }
        if (message.empty()) continue;
        ++apdus;
        const Bytes response = applet.Process(message);
        if (m_options.verbose)
            LogLine("APDU " + std::to_string(apdus) + " : " + ToHex(message) + " -> " + ToHex(response));
        link.Send(response);
        if (m_card.faults.removeDuringReadAfterApdus > 0 && apdus == m_card.faults.removeDuringReadAfterApdus) {
            link.Close();
            LogLine("panne simulée : carte « " + m_card.name + " » retirée après l'APDU " + std::to_string(apdus));
            return Outcome::FaultRemoved;
        }
    }
}

}  // namespace vigie::vcard
