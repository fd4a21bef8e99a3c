from django import forms

from thidua.org.forms import CHOICE_ERRORS, MULTIPLE_CHOICE_ERRORS, DateInput
from thidua.org.models import Unit

from .models import ClusterKind, CriterionKind, MovementKind, OrdinalStyle, Period, ReviewKind

UNIT_ERRORS = {"invalid_choice": "Đơn vị không hợp lệ.", "required": "Phải chọn đơn vị."}
YEAR_ERRORS = {"invalid": "Năm phải là số.", "min_value": "Năm không hợp lệ.", "max_value": "Năm không hợp lệ.",
               "required": "Phải nhập năm."}
DATE_ERRORS = {"invalid": "Ngày phải theo dạng dd/mm/yyyy.", "required": "Phải nhập ngày."}


def _year(label="Năm"):
    return forms.IntegerField(label=label, min_value=2000, max_value=2100, error_messages=YEAR_ERRORS)


def _units(label, required=True):
    return forms.ModelChoiceField(label=label, queryset=Unit.objects.none(), required=required,
                                  error_messages=UNIT_ERRORS)


class UnitsFormMixin:
    unit_fields = ()

    def set_units(self, units):
        for name in self.unit_fields:
            self.fields[name].queryset = units


class MovementForm(UnitsFormMixin, forms.Form):
    unit_fields = ("launched_by",)
    launched_by = _units("Đơn vị phát động")
    title = forms.CharField(label="Tên phong trào", max_length=300,
                            error_messages={"required": "Phải nhập tên phong trào."})
    kind = forms.ChoiceField(label="Loại phong trào", choices=MovementKind.choices, error_messages=CHOICE_ERRORS)
    year = _year("Năm phát động")
    start_date = forms.DateField(label="Ngày bắt đầu (phong trào theo đợt)", required=False, widget=DateInput(),
                                 error_messages=DATE_ERRORS)
    end_date = forms.DateField(label="Ngày kết thúc", required=False, widget=DateInput(), error_messages=DATE_ERRORS)
    theme = forms.CharField(label="Chủ đề, khẩu hiệu", max_length=300, required=False)
    ordinal_style = forms.ChoiceField(label="Cách đánh số nội dung trọng tâm", choices=OrdinalStyle.choices,
                                      error_messages=CHOICE_ERRORS)
    contents = forms.CharField(label="Nội dung trọng tâm (mỗi dòng một nội dung)", required=False,
                               widget=forms.Textarea(attrs={"rows": 5}))
    document_ref = forms.CharField(label="Số, ký hiệu văn bản phát động", max_length=120, required=False)
    document = forms.FileField(label="Văn bản phát động (tệp đính kèm)", required=False)


class AdoptForm(UnitsFormMixin, forms.Form):
    unit_fields = ("unit",)
    unit = _units("Đơn vị hưởng ứng")
    theme = forms.CharField(label="Chủ đề riêng (nếu có)", max_length=300, required=False)
    contents = forms.CharField(label="Nội dung triển khai (mỗi dòng một nội dung)", required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))


class TargetForm(forms.Form):
    name = forms.CharField(label="Chỉ tiêu", max_length=300, error_messages={"required": "Phải nhập tên chỉ tiêu."})
    measure = forms.CharField(label="Đơn vị tính", max_length=40, required=False)
    planned_value = forms.CharField(label="Kế hoạch", max_length=40, required=False)
    higher_is_better = forms.TypedChoiceField(label="Chiều đánh giá", coerce=lambda v: v == "1",
                                              choices=[("1", "Càng cao càng tốt"), ("0", "Càng thấp càng tốt")],
                                              error_messages=CHOICE_ERRORS)


class ResultForm(UnitsFormMixin, forms.Form):
    unit_fields = ("unit",)
    target = forms.ModelChoiceField(label="Chỉ tiêu", queryset=None,
                                    error_messages={"invalid_choice": "Chỉ tiêu không hợp lệ.",
                                                    "required": "Phải chọn chỉ tiêu."})
    unit = _units("Đơn vị báo cáo")
    year = _year()
    period = forms.ChoiceField(label="Kỳ báo cáo", choices=Period.choices, error_messages=CHOICE_ERRORS)
    value = forms.CharField(label="Giá trị", max_length=40, error_messages={"required": "Phải nhập giá trị."})
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=ReviewKind.choices, error_messages=CHOICE_ERRORS)
    year = _year()
    held_on = forms.DateField(label="Ngày hội nghị", widget=DateInput(), error_messages=DATE_ERRORS)
    number_text = forms.CharField(label="Số, ký hiệu báo cáo", max_length=60, required=False)
    whole_unit = forms.BooleanField(label="Báo cáo chung mọi phong trào của đơn vị trong năm", required=False)


class WindowForm(forms.Form):
    year = _year()
    deadline = forms.DateField(label="Hạn đăng ký", widget=DateInput(), error_messages=DATE_ERRORS)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "Phải ghi rõ lý do trả lại."})


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp", error_messages={"required": "Phải chọn tệp."})


class ClusterForm(UnitsFormMixin, forms.Form):
    unit_fields = ("organiser",)
    organiser = _units("Cấp tổ chức cụm")
    name = forms.CharField(label="Tên cụm / khối", max_length=200)
    kind = forms.ChoiceField(label="Loại", choices=ClusterKind.choices, error_messages=CHOICE_ERRORS)
    year = _year()
    members = forms.ModelMultipleChoiceField(label="Đơn vị thành viên (theo thứ tự)", queryset=Unit.objects.none(),
                                             error_messages={**MULTIPLE_CHOICE_ERRORS,
                                                             "required": "Phải chọn đơn vị thành viên.",
                                                             "invalid_choice": "Đơn vị không hợp lệ."})
    leader = _units("Cụm trưởng (để trống: theo gợi ý luân phiên)", required=False)
    deputy = _units("Cụm phó (để trống: theo gợi ý luân phiên)", required=False)
    regulation = forms.FileField(label="Quy chế hoạt động", required=False)

    def set_units(self, units):
        for name in ("organiser", "members", "leader", "deputy"):
            self.fields[name].queryset = units


class PledgeForm(forms.Form):
    title = forms.CharField(label="Tên giao ước", max_length=300)
    common_targets = forms.CharField(label="Chỉ tiêu chung (mỗi dòng một chỉ tiêu)", required=False,
                                     widget=forms.Textarea(attrs={"rows": 5}))
    unit_targets = forms.CharField(
        label="Chỉ tiêu riêng (mỗi dòng: Mã đơn vị | chỉ tiêu)", required=False,
        widget=forms.Textarea(attrs={"rows": 4}))


class CriterionForm(forms.Form):
    code = forms.CharField(label="Mã", max_length=20)
    name = forms.CharField(label="Tiêu chí", max_length=300)
    kind = forms.ChoiceField(label="Loại", choices=CriterionKind.choices, error_messages=CHOICE_ERRORS)
    max_points = forms.CharField(label="Điểm tối đa", max_length=20)
    parent = forms.ModelChoiceField(label="Thuộc tiêu chí", queryset=None, required=False,
                                    error_messages={"invalid_choice": "Tiêu chí không hợp lệ."})
    evidence_required = forms.BooleanField(label="Bắt buộc minh chứng", required=False)
    tie_key = forms.ChoiceField(label="Nhóm xét khi bằng điểm", required=False,
                                choices=[("", "—"), ("discipline", "Kỷ luật, kỷ cương")], error_messages=CHOICE_ERRORS)

    def __init__(self, *args, criteria=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = criteria


class AdjustForm(forms.Form):
    points = forms.CharField(label="Điểm thẩm định", max_length=20, error_messages={"required": "Phải nhập điểm."})
    reason = forms.CharField(label="Lý do điều chỉnh", max_length=300,
                             error_messages={"required": "Phải ghi rõ lý do điều chỉnh điểm."})
