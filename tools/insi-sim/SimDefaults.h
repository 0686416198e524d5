#pragma once
// Defaults shared by the simulator and the configuration it writes for the client.

namespace vigie::sim {

inline constexpr const char* kDefaultIdam = "VIGIE0000001";  // CNDA authorisation number, 12 chars
inline constexpr int kDefaultSimPort = 18443;

}  // namespace vigie::sim
