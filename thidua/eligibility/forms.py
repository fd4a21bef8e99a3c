from django import forms

from thidua.awards.eligibility import FIRST_DECISION_DATE, STATUS_BADGES, STATUS_ORDER
from thidua.core.errors import ERR_DECISION_DATE
from thidua.rulebook.codes import COLLECTIVE_CODES, INDIVIDUAL_CODES, short_vi

YEAR_MIN, YEAR_MAX = 2000, 2100
ENCODED_CODES = list(dict.fromkeys(INDIVIDUAL_CODES + COLLECTIVE_CODES))
KIND_CHOICES = [("", "Cá nhân và tập thể"), ("individual", "Cá nhân"), ("collective", "Tập thể")]


class CandidateFilterForm(forms.Form):
    """Filters of the candidate list (GET): every field optional, bad values give Vietnamese errors."""

    year = forms.IntegerField(label="Năm xét", min_value=YEAR_MIN, max_value=YEAR_MAX, required=False,
                              error_messages={"invalid": "Năm xét phải là một số.",
                                              "min_value": f"Năm xét phải từ {YEAR_MIN}.",
                                              "max_value": f"Năm xét không được quá {YEAR_MAX}."})
    decision_date = forms.DateField(label="Ngày quyết định", required=False,
                                    input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                    error_messages={"invalid": "Ngày quyết định không hợp lệ (dd/mm/yyyy)."})
    code = forms.ChoiceField(label="Danh hiệu / hình thức", required=False,
                             choices=[("", "Tất cả")] + [(c, short_vi(c)) for c in ENCODED_CODES],
                             error_messages={"invalid_choice": "Danh hiệu / hình thức không hợp lệ."})
    status = forms.ChoiceField(label="Kết quả", required=False,
                               choices=[("", "Tất cả")] + [(s, STATUS_BADGES[s]) for s in STATUS_ORDER],
                               error_messages={"invalid_choice": "Kết quả lọc không hợp lệ."})
    kind = forms.ChoiceField(label="Đối tượng", required=False, choices=KIND_CHOICES,
                             error_messages={"invalid_choice": "Đối tượng không hợp lệ."})
    q = forms.CharField(label="Tên cá nhân, tập thể", required=False, max_length=100)
    screening = forms.BooleanField(
        label="Sàng lọc sơ bộ: coi các tiêu chí cần bình xét là đạt", required=False)

    def clean_decision_date(self):
        d = self.cleaned_data.get("decision_date")
        if d is not None and d < FIRST_DECISION_DATE:
            raise forms.ValidationError(ERR_DECISION_DATE)
        return d
