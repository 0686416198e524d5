#pragma once
// Per-installation facts kept in the store's settings.

#include <string>

#include "core/ports/IStore.h"

namespace vigie::usecases {

// The UUID that identifies this installation to INSi (ContexteLPS/LPS/Instance): generated on
// first use and kept for good.
std::string InstallationInstanceId(ports::IStore& store);

}  // namespace vigie::usecases
