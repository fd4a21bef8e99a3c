from django import forms

from thidua.org.forms import DateInput
from thidua.org.models import Person, Unit

from .catalog import award_choices
from .models import AwardType


class NominationForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị đề nghị", queryset=Unit.objects.none(),
                                  error_messages={"invalid_choice": "Đơn vị không hợp lệ.",
                                                  "required": "Phải chọn đơn vị."})
    award_code = forms.ChoiceField(label="Danh hiệu / hình thức khen thưởng", choices=())
    award_type = forms.ChoiceField(label="Loại hình khen thưởng", choices=AwardType.choices, initial="cong_trang")
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


class IssueForm(forms.Form):
    issued_on = forms.DateField(label="Ngày ban hành", widget=DateInput(),
                                error_messages={"invalid": "Ngày phải theo dạng dd/mm/yyyy.",
                                                "required": "Phải nhập ngày ban hành."})
