#include "tools/insi-sim/InsiSimService.h"

#include <algorithm>

#include "tools/insi-sim/HostileResponder.h"
#include "tools/insi-sim/MediaType.h"
#include "tools/insi-sim/SoapRequest.h"

namespace vigie::sim {

namespace {

constexpr std::string_view kSoapMediaType = "application/soap+xml";

std::uint64_t InitialSeed(const std::optional<std::uint64_t>& seed) {
    if (seed) {
        return *seed;
    }
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

std::string_view ExpectedAction(Operation operation) {
    return operation == Operation::RecVitale ? kActionRecVit : kActionRecSans;
}

}  // namespace

InsiSimService::InsiSimService(Matcher matcher, ServiceOptions options, SimControl& control, SimStats& stats,
                               RequestLog* log)
    : m_matcher(std::move(matcher)),
      m_options(std::move(options)),
      m_writer(m_options.style),
      m_control(control),
      m_stats(stats),
      m_log(log),
      m_random(InitialSeed(m_options.seed)) {
    SoapRequestParser::InitXml();
}

bool InsiSimService::Admit(int maxRate, SlidingWindow::Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    if (maxRate > 0 && m_admitted.CountAt(now) >= static_cast<std::size_t>(maxRate)) {
        return false;
    }
    m_admitted.Push(now);
    return true;
}

bool InsiSimService::InjectFailure(double rate) {
    if (rate <= 0.0) {
        return false;
    }
    std::lock_guard lock(m_mutex);
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < rate;
}

HttpAnswer InsiSimService::FaultAnswer(std::string_view errorCode, const std::string& messageId,
                                       std::string_view comment, LogEntry& log) const {
    log.result = "fault:" + std::string(errorCode);
    HttpAnswer answer;
    answer.status = 500;
    answer.body = m_writer.Fault(FaultCatalog::For(errorCode), messageId, comment);
    return answer;
}

InsiSimService::Handled InsiSimService::Process(const LpsRequest& request, const ControlSettings& settings,
                                                SlidingWindow::Clock::time_point now) {
    Handled h;
    h.log.cn = request.clientCn;
    const MediaType media = MediaType::Parse(request.contentType);
    if (media.type != kSoapMediaType) {
        h.log.result = "http:415";
        h.answer = HttpAnswer{415, "text/plain; charset=utf-8",
                              "Unsupported Media Type: expected application/soap+xml (SOAP 1.2), got '" +
                                  request.contentType + "'\n",
                              {}};
        return h;
    }
    SoapRequest soap;
    try {
        soap = SoapRequestParser::Parse(request.body);
    } catch (const RequestError& e) {
        h.log.messageId = e.MessageId();
        h.answer = FaultAnswer(kFaultBadRequest, e.MessageId(), e.what(), h.log);
        return h;
    }
    h.log.messageId = soap.messageId;
    h.log.operation = std::string(OperationName(soap.operation));
    if (soap.operation == Operation::RecSansVitale) {
        h.log.birthName = soap.traits.birthName;
        h.log.firstNames = soap.traits.firstNames;
        h.log.birthDate = soap.traits.birthDate;
    } else {
        h.log.birthName = soap.vitale.birthName;
        h.log.birthDate = soap.vitale.birthDate;
    }
    const std::string actionParam = media.Param("action");
    if (soap.action != ExpectedAction(soap.operation) || actionParam != soap.action) {
        const std::string why = "Content-Type action '" + actionParam + "', wsa:Action '" + soap.action +
                                "', expected '" + std::string(ExpectedAction(soap.operation)) + "' for " +
                                h.log.operation;
        h.answer = FaultAnswer(kFaultBadRequest, soap.messageId, why, h.log);
        return h;
    }
    if (request.clientCn != "INSI-AUTO" && request.clientCn != "INSI-MANU") {
        h.answer = FaultAnswer(kFaultRights, soap.messageId, "client certificate CN '" + request.clientCn + "'", h.log);
        return h;
    }
    const auto& allowed = m_options.idamAllowList;
    if (!soap.hasIdam || std::find(allowed.begin(), allowed.end(), soap.idam) == allowed.end()) {
        h.answer = FaultAnswer(kFaultUnknownIdam, soap.messageId, "IDAM '" + soap.idam + "' not in the allow-list",
                               h.log);
        return h;
    }
    if (settings.outage) {
        h.answer = FaultAnswer(kFaultUnavailable, soap.messageId, "outage", h.log);
        return h;
    }
    if (!Admit(settings.maxRate, now)) {
        h.answer = FaultAnswer(kFaultUnavailable, soap.messageId,
                               "above " + std::to_string(settings.maxRate) + " requests per second", h.log);
        return h;
    }
    if (InjectFailure(settings.failureRate)) {
        h.answer = FaultAnswer(kFaultUnavailable, soap.messageId, "injected failure", h.log);
        return h;
    }
    const MatchOutcome outcome = soap.operation == Operation::RecSansVitale ? m_matcher.MatchTraits(soap.traits)
                                                                             : m_matcher.MatchVitale(soap.vitale);
    if (outcome.kind == MatchKind::Fault) {
        h.answer = FaultAnswer(outcome.faultCode, soap.messageId, outcome.detail, h.log);
        return h;
    }
    h.log.result = outcome.ResultLabel();
    h.answer.body = m_writer.Result(outcome);
    return h;
}

HttpAnswer InsiSimService::HandleLps(const LpsRequest& request) {
    const auto now = SlidingWindow::Clock::now();
    m_stats.RecordArrival(now);
    const ControlSettings settings = m_control.Get();
    Handled h = Process(request, settings, now);
    m_stats.RecordResult(h.log.cn, h.log.operation, h.log.result);
    if (m_log != nullptr) {
        m_log->Write(h.log);
    }
    HostileResponder::Apply(settings.hostile, h.answer, m_writer, h.log.messageId);
    h.answer.delay += std::chrono::milliseconds(settings.latencyMs);
    return h.answer;
}

}  // namespace vigie::sim
