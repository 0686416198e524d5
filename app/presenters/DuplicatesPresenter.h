#pragma once
// « Doublons potentiels » (Identitovigilance screen, issue #6): the pairs usecases::DuplicateReview
// finds, as list rows, and the two identities of the chosen pair side by side (traits, status,
// IPP). No wx, no thread: the panel runs the review on the worker.

#include <string>
#include <vector>

#include "core/usecases/DuplicateReview.h"

namespace vigie::presenters {

struct DuplicateRow {
    std::string score, first, second, reasons;
};

struct DuplicatesView {
    bool loading = false;
    std::string summary;  // « 3 paires à examiner (120 identités parcourues) »
    std::vector<DuplicateRow> rows;
    std::vector<std::string> left, right;  // the chosen pair, one line per field
    int selection = -1;
    std::string message;
};

class DuplicatesPresenter {
public:
    void OnLoading();
    void OnLoaded(usecases::DuplicateReviewResult result);
    void OnFailed(const std::string& message);
    void Select(int row);
    const DuplicatesView& View() const { return m_view; }

    static std::vector<std::string> Describe(const domain::Identity& identity);  // French lines

private:
    usecases::DuplicateReviewResult m_result;
    DuplicatesView m_view;
};

}  // namespace vigie::presenters
