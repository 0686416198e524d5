#pragma once
// A PEM certificate's subject and expiry, in French, for « Réglages › Connexion INSi » (issue
// #6). OpenSSL stays inside the .cpp. Any thread. Never throws: an unreadable file is described.

#include <string>

namespace vigie::presenters {

// « CN=INSI-MANU, O=… — expire le 2027-11-22 » or « illisible : … ».
std::string DescribeCertificate(const std::string& pemPath);

}  // namespace vigie::presenters
