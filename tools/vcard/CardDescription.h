#pragma once
// A virtual card as described by a JSON file (tools/vcard/README.md): the ATR, the billing
// identity (insured NIR + beneficiaries) and optional faults. Shared format with the in-process
// simulated reader; vigie-vcard only needs what goes on the wire.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace vigie::vcard {

using Bytes = std::vector<std::uint8_t>;

struct CardBeneficiary {
    std::string lastName;   // tag 80
    std::string firstName;  // tag 81
    std::string birthDate;  // tag 82, AAAAMMJJ (may be lunar: digits only are checked)
    std::string nir;        // tag 93 when not empty (15 characters)
    int rank = 0;           // not on the wire (positions not public)
    std::string quality;    // not on the wire
};

struct CardFaults {
    int removeDuringReadAfterApdus = 0;  // 0 = never; N = answer the Nth APDU, then pull the card
    Bytes statusForSelect;               // empty = 90 00; else the 2 status bytes SELECT answers
    int t0Chunk = 0;                     // 0 = announce everything (61 00 = 256); else bytes per 61xx step
};

enum class CardFamily { Vitale2, Vitale1, Cps, Other };

struct CardDescription {
    std::string name;          // file name without .json
    std::string description;   // French, for the demo menu
    Bytes atr;
    std::string insuredNir;    // 13 characters
    std::string insuredKey;    // 2 digits
    std::vector<CardBeneficiary> beneficiaries;
    CardFaults faults;

    CardFamily Family() const;        // from the ATR
    bool AnswersApdus() const;        // false for Vitale 1 and CPS: every APDU gets 6D 00
    std::string AtrHex() const;       // "3B 75 …"
};

// A bad card file: the message is French and names the file and the JSON path of the problem.
class CardFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string ToHex(const Bytes& bytes);  // upper case, one space between bytes

}  // namespace vigie::vcard
