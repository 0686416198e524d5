#include "app/cli/Args.h"

#include "core/domain/Errors.h"

namespace vigie::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) != 0 || a.size() == 2) {
            m_positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (flags.count(name)) {
            if (inlineValue) throw BadInputError("input.args", "L'option --" + name + " ne prend pas de valeur.");
            m_flags.insert(name);
            continue;
        }
        if (m_options.count(name)) throw BadInputError("input.args", "Option répétée : --" + name + ".");
        if (inlineValue) {
            m_options[name] = *inlineValue;
        } else {
            if (i + 1 >= argv.size()) throw BadInputError("input.args", "Valeur manquante pour --" + name + ".");
            m_options[name] = argv[++i];
        }
    }
}

std::string Args::Word(std::size_t index, const char* what) const {
    if (index >= m_positional.size()) throw BadInputError("input.args", std::string("Argument manquant : ") + what + ".");
    return m_positional[index];
}

std::optional<std::string> Args::Opt(const std::string& name) {
    m_used.insert(name);
    auto it = m_options.find(name);
    if (it == m_options.end()) return std::nullopt;
    return it->second;
}

std::string Args::Required(const std::string& name) {
    auto v = Opt(name);
    if (!v) throw BadInputError("input.args", "Option obligatoire manquante : --" + name + ".");
    return *v;
}

bool Args::Flag(const std::string& name) {
    m_used.insert(name);
    return m_flags.count(name) > 0;
}

void Args::Done(std::size_t expectedPositional) const {
    for (const auto& [name, value] : m_options)
        if (!m_used.count(name)) throw BadInputError("input.args", "Option inconnue pour cette commande : --" + name + ".");
    for (const auto& name : m_flags)
        if (!m_used.count(name)) throw BadInputError("input.args", "Option inconnue pour cette commande : --" + name + ".");
    if (m_positional.size() > expectedPositional)
        throw BadInputError("input.args", "Argument inattendu : « " + m_positional[expectedPositional] + " ».");
}

}  // namespace vigie::cli
