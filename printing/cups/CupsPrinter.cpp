#include "printing/cups/CupsPrinter.h"

#include <cups/cups.h>

#include <memory>

#include "core/domain/Errors.h"

namespace vigie::printing {

namespace {

struct HttpCloser {
    void operator()(http_t* h) const { httpClose(h); }
};
using Http = std::unique_ptr<http_t, HttpCloser>;

struct DestsFree {
    int count;
    void operator()(cups_dest_t* d) const { cupsFreeDests(count, d); }
};

Http Connect(const std::string& server) {
    const char* host = server.empty() ? cupsServer() : server.c_str();
    std::string name = host;
    int port = ippPort();
    if (!server.empty() && server.front() != '/') {
        const auto colon = server.rfind(':');
        if (colon != std::string::npos) {
            name = server.substr(0, colon);
            port = std::atoi(server.c_str() + colon + 1);
        }
    }
    http_t* http = httpConnect2(name.c_str(), port, nullptr, AF_UNSPEC, cupsEncryption(), 1, 5000, nullptr);
    if (!http)
        throw EnvironmentError("print.server", "Le service d'impression (CUPS) ne répond pas sur « " + name + ":" +
                                                   std::to_string(port) + " ».");
    return Http(http);
}

[[noreturn]] void ThrowCups(const std::string& what) {
    throw EnvironmentError("print.refused", what + " : " + cupsLastErrorString());
}

}  // namespace

CupsPrinter::CupsPrinter(std::string server) : m_server(std::move(server)) {}

std::vector<PrintQueue> CupsPrinter::Queues() const {
    Http http = Connect(m_server);
    cups_dest_t* dests = nullptr;
    const int n = cupsGetDests2(http.get(), &dests);
    std::unique_ptr<cups_dest_t, DestsFree> guard(dests, DestsFree{n});
    std::vector<PrintQueue> out;
    for (int i = 0; i < n; ++i) {
        if (dests[i].instance) continue;
        const char* info = cupsGetOption("printer-info", dests[i].num_options, dests[i].options);
        out.push_back(PrintQueue{dests[i].name, info ? info : "", dests[i].is_default != 0});
    }
    return out;
}

int CupsPrinter::Print(const std::string& queue, std::string_view bytes, PrintFormat format,
                       const std::string& title) const {
    if (bytes.empty()) throw InternalError("print.empty", "nothing to print");
    Http http = Connect(m_server);
    cups_dest_t* dests = nullptr;
    const int n = cupsGetDests2(http.get(), &dests);
    std::unique_ptr<cups_dest_t, DestsFree> guard(dests, DestsFree{n});
    if (!cupsGetDest(queue.c_str(), nullptr, n, dests))
        throw EnvironmentError("print.no_queue", "L'imprimante « " + queue + " » n'existe pas sur ce poste.");

    const int job = cupsCreateJob(http.get(), queue.c_str(), title.c_str(), 0, nullptr);
    if (job == 0) ThrowCups("L'imprimante « " + queue + " » refuse le travail");
    const char* mime = format == PrintFormat::Pdf ? CUPS_FORMAT_PDF : CUPS_FORMAT_RAW;
    if (cupsStartDocument(http.get(), queue.c_str(), job, title.c_str(), mime, 1) != HTTP_STATUS_CONTINUE) {
        cupsCancelJob2(http.get(), queue.c_str(), job, 0);
        ThrowCups("Envoi impossible à l'imprimante « " + queue + " »");
    }
    if (cupsWriteRequestData(http.get(), bytes.data(), bytes.size()) != HTTP_STATUS_CONTINUE) {
        cupsFinishDocument(http.get(), queue.c_str());
        cupsCancelJob2(http.get(), queue.c_str(), job, 0);
        ThrowCups("Envoi interrompu vers l'imprimante « " + queue + " »");
    }
    if (cupsFinishDocument(http.get(), queue.c_str()) > IPP_STATUS_OK_CONFLICTING)
        ThrowCups("L'imprimante « " + queue + " » n'a pas accepté le document");
    return job;
}

}  // namespace vigie::printing
