from django import forms

from thidua.org.forms import DateInput

from .services import TEXT_LIMIT


class ReportDraftForm(forms.Form):
    number_text = forms.CharField(label="Số báo cáo", max_length=40, required=False,
                                  help_text="Ví dụ: 15/BC-UBND (để trống nếu chưa lấy số).")
    report_date = forms.DateField(label="Ngày báo cáo", required=False, widget=DateInput(),
                                  error_messages={"invalid": "Ngày phải theo dạng dd/mm/yyyy."})
    limitations = forms.CharField(label="II. Tồn tại, hạn chế", required=False, max_length=TEXT_LIMIT,
                                  widget=forms.Textarea(attrs={"rows": 6}))
    directions_note = forms.CharField(label="III. Phương hướng, nhiệm vụ bổ sung", required=False,
                                      max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 4}))
