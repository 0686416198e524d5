#pragma once
// Printing through the OS spooler (CUPS on Linux): a rendered PDF, or raw ZPL for a Zebra queue,
// sent to a named queue. libcups stays inside the .cpp.
//
// Thread affinity: any thread, one call at a time per instance (libcups keeps per-thread HTTP
// state). Errors: EnvironmentError with a French message when the queue does not exist, the
// server cannot be reached or the job is refused; nothing is retried silently.

#include <string>
#include <string_view>
#include <vector>

namespace vigie::printing {

enum class PrintFormat { Pdf, Zpl };

struct PrintQueue {
    std::string name;
    std::string description;  // as set by the administrator ("" when none)
    bool isDefault = false;
};

class CupsPrinter {
public:
    // server: "host:port" or a socket path; "" = the user's default (CUPS_SERVER, client.conf).
    explicit CupsPrinter(std::string server = "");

    std::vector<PrintQueue> Queues() const;

    // Submits one job; returns the CUPS job id. The job title is what print queues show to anyone
    // at the pharmacy, so callers pass a title without patient name or INS.
    int Print(const std::string& queue, std::string_view bytes, PrintFormat format, const std::string& title) const;

private:
    std::string m_server;
};

}  // namespace vigie::printing
