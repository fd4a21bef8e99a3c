from django import forms

from thidua.org.forms import CHOICE_ERRORS, DateInput
from thidua.org.models import Person, Unit

from .catalog import award_choices
from .models import AwardType, DocType, RevocationGround


class NominationForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị đề nghị", queryset=Unit.objects.none(),
                                  error_messages={"invalid_choice": "Đơn vị không hợp lệ.",
                                                  "required": "Phải chọn đơn vị."})
    award_code = forms.ChoiceField(label="Danh hiệu / hình thức khen thưởng", choices=(), error_messages=CHOICE_ERRORS)
    award_type = forms.ChoiceField(label="Loại hình khen thưởng", choices=AwardType.choices, initial="cong_trang",
                                   error_messages=CHOICE_ERRORS)
    year = forms.IntegerField(label="Năm thành tích", min_value=2000, max_value=2100,
                              error_messages={"invalid": "Năm phải là số.", "min_value": "Năm không hợp lệ.",
                                              "max_value": "Năm không hợp lệ."})
    title = forms.CharField(label="Trích yếu", max_length=300)
    reason_text = forms.CharField(label="Thành tích chung (in trên quyết định)", max_length=300, required=False,
                                  initial="đã có thành tích xuất sắc trong phong trào thi đua yêu nước")

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["award_code"].choices = award_choices()


class EntryForm(forms.Form):
    person = forms.ModelChoiceField(label="Cá nhân", queryset=Person.objects.none(), required=False,
                                    error_messages={"invalid_choice": "Cá nhân không hợp lệ."})
    recipient_unit = forms.ModelChoiceField(label="hoặc tập thể", queryset=Unit.objects.none(), required=False,
                                            error_messages={"invalid_choice": "Tập thể không hợp lệ."})
    achievement = forms.CharField(label="Thành tích", widget=forms.Textarea(attrs={"rows": 2}),
                                  error_messages={"required": "Phải nhập thành tích."})
    override_reason = forms.CharField(label="Lý do đề nghị nếu chưa đủ điều kiện (không bắt buộc)", required=False,
                                      max_length=2000, widget=forms.Textarea(attrs={"rows": 1}))

    def __init__(self, *args, people=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people if people is not None else Person.objects.none()
        self.fields["recipient_unit"].queryset = units if units is not None else Unit.objects.none()

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("recipient_unit")):
            raise forms.ValidationError("Chọn một cá nhân hoặc một tập thể (không chọn cả hai).")
        return data


class ReturnForm(forms.Form):
    reason = forms.CharField(label="Lý do trả lại", widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "Phải ghi rõ lý do trả lại."})


class EntryFixForm(forms.Form):
    achievement = forms.CharField(label="Thành tích", widget=forms.Textarea(attrs={"rows": 2}),
                                  error_messages={"required": "Phải nhập thành tích."})


class CouncilMinutesForm(forms.Form):
    met_on = forms.DateField(label="Ngày họp Hội đồng", widget=DateInput(),
                             error_messages={"invalid": "Ngày phải theo dạng dd/mm/yyyy.",
                                             "required": "Phải nhập ngày họp Hội đồng."})
    minutes = forms.FileField(label="Biên bản họp (bản chụp)", error_messages={"required": "Phải kèm biên bản họp."})


class IssueForm(forms.Form):
    issued_on = forms.DateField(label="Ngày ban hành", widget=DateInput(),
                                error_messages={"invalid": "Ngày phải theo dạng dd/mm/yyyy.",
                                                "required": "Phải nhập ngày ban hành."})


class OverrideForm(forms.Form):
    reason = forms.CharField(label="Lý do đề nghị (ngoại lệ)", widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000,
                             error_messages={"required": "Phải ghi rõ lý do đề nghị khi chưa đủ điều kiện."})


class JudgementForm(forms.Form):
    note = forms.CharField(label="Kết quả xem xét", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                           error_messages={"required": "Phải ghi kết quả xem xét: các tiêu chí cần xem xét đã được "
                                                       "đối chiếu thế nào."})


class DossierUploadForm(forms.Form):
    doc_type = forms.ChoiceField(label="Loại tài liệu", choices=DocType.choices,
                                 error_messages={"invalid_choice": "Loại tài liệu không hợp lệ.",
                                                 "required": "Phải chọn loại tài liệu."})
    file = forms.FileField(label="Tệp", error_messages={"required": "Chưa chọn tệp.",
                                                        "empty": "Tệp rỗng.", "invalid": "Tệp không hợp lệ."})


class RevokeForm(forms.Form):
    ground = forms.ChoiceField(label="Căn cứ hủy bỏ (Luật TĐKT 2022 Điều 93)", choices=RevocationGround.choices,
                               error_messages={"invalid_choice": "Căn cứ hủy bỏ không hợp lệ.",
                                               "required": "Phải chọn căn cứ hủy bỏ."})
    reason = forms.CharField(label="Nội dung kết luận", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                             error_messages={"required": "Phải ghi rõ nội dung kết luận làm căn cứ hủy bỏ."})
    issued_on = forms.DateField(label="Ngày ban hành quyết định hủy bỏ", widget=DateInput(),
                                error_messages={"invalid": "Ngày phải theo dạng dd/mm/yyyy.",
                                                "required": "Phải nhập ngày ban hành."})
    grants = forms.ModelMultipleChoiceField(label="Khen thưởng bị hủy bỏ", queryset=None, required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            error_messages={"invalid_choice": "Khen thưởng không hợp lệ.",
                                                            "invalid_list": "Khen thưởng không hợp lệ.",
                                                            "invalid_pk_value": "Khen thưởng không hợp lệ."})

    def __init__(self, *args, grants=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grants"].queryset = grants
        self.fields["grants"].label_from_instance = lambda g: f"{g.display_name} ({g.golden_book_number})"
