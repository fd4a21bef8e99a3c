import re

from django import forms

NUMBER_RE = re.compile(r"^\s*(?:số\s*)?(\d{1,6})\s*/\s*(\S.*?)\s*$", re.IGNORECASE)
ERR_NUMBER = "Số quyết định phải ghi như trên giấy chứng nhận, ví dụ 15/QĐ-UBND."


class CertificateLookupForm(forms.Form):
    """What a certificate prints, bottom left: the decision's number and the golden-book number."""

    decision_number = forms.CharField(label="Số quyết định", max_length=60,
                                      error_messages={"required": "Phải nhập số quyết định."})
    golden_book_number = forms.CharField(label="Số sổ vàng", max_length=30,
                                         error_messages={"required": "Phải nhập số sổ vàng."})

    def clean_decision_number(self):
        m = NUMBER_RE.match(self.cleaned_data["decision_number"])
        if not m:
            raise forms.ValidationError(ERR_NUMBER)
        return int(m[1]), " ".join(m[2].split())
