from django import forms

from .models import DeadlineKind


class PreferenceForm(forms.Form):
    email = forms.BooleanField(label="Nhận thông báo qua thư điện tử", required=False)


class DeadlineForm(forms.Form):
    unit = forms.ChoiceField(label="Áp dụng cho (và các đơn vị trực thuộc)")
    year = forms.IntegerField(label="Năm kế hoạch", min_value=2000, max_value=2100,
                              error_messages={"required": "Phải nhập năm.", "invalid": "Năm không hợp lệ."})
    kind = forms.ChoiceField(label="Loại", choices=DeadlineKind.choices)
    title = forms.CharField(label="Nội dung", max_length=300, error_messages={"required": "Phải nhập nội dung."})
    due_on = forms.DateField(label="Hạn chót", widget=forms.DateInput(attrs={"type": "date"}),
                             error_messages={"required": "Phải nhập hạn chót.", "invalid": "Ngày không hợp lệ."})

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {str(u.pk): u for u in units}
        self.fields["unit"].choices = [(str(u.pk), u.name) for u in units]

    def clean_unit(self):
        return self.units[self.cleaned_data["unit"]]
