from django import forms

from .models import Gender, Kind, Level, Unit

# Django's Vietnamese defaults for these read awkwardly ("lựa chọn khả thi") or stay English
# (invalid_pk_value), so choice fields name the problem plainly.
CHOICE_ERRORS = {"invalid_choice": "Lựa chọn không hợp lệ."}
MULTIPLE_CHOICE_ERRORS = {**CHOICE_ERRORS, "invalid_pk_value": "Lựa chọn không hợp lệ.",
                          "invalid_list": "Danh sách lựa chọn không hợp lệ."}


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, **kwargs):
        super().__init__(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}, **kwargs)


class PersonForm(forms.Form):
    full_name = forms.CharField(label="Họ và tên", max_length=120)
    gender = forms.ChoiceField(label="Giới tính", choices=Gender.choices, error_messages=CHOICE_ERRORS)
    date_of_birth = forms.DateField(label="Ngày sinh", required=False, widget=DateInput(),
                                    error_messages={"invalid": "Ngày sinh phải theo dạng dd/mm/yyyy."})
    national_id = forms.CharField(label="Số định danh cá nhân (CCCD)", max_length=20, required=False,
                                  help_text="12 chữ số trên thẻ căn cước; dùng để không tạo trùng một người.")
    unit = forms.ModelChoiceField(label="Đơn vị công tác", queryset=Unit.objects.none(),
                                  error_messages={"invalid_choice": "Đơn vị không hợp lệ."})
    position = forms.CharField(label="Chức vụ", max_length=120, required=False)
    start_date = forms.DateField(label="Ngày bắt đầu công tác", widget=DateInput(),
                                 error_messages={"invalid": "Ngày phải theo dạng dd/mm/yyyy."})

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()


class PersonEditForm(forms.Form):
    """The person's own data; where they work changes by a move (employment_move), not here."""

    full_name = forms.CharField(label="Họ và tên", max_length=120)
    gender = forms.ChoiceField(label="Giới tính", choices=Gender.choices, error_messages=CHOICE_ERRORS)
    date_of_birth = forms.DateField(label="Ngày sinh", required=False, widget=DateInput(),
                                    error_messages={"invalid": "Ngày sinh phải theo dạng dd/mm/yyyy."})
    national_id = forms.CharField(label="Số định danh cá nhân (CCCD)", max_length=20, required=False)


class UnitEditForm(forms.Form):
    """Corrections of a unit's names and signing data; its place in the tree changes by a merger, not here."""

    name = forms.CharField(label="Tên đơn vị", max_length=200)
    place_name = forms.CharField(label="Địa danh (dòng ngày tháng)", max_length=100, required=False)
    doc_symbol = forms.CharField(label="Viết tắt trên văn bản (ví dụ UBND)", max_length=30, required=False)
    head_title = forms.CharField(label="Chức danh người đứng đầu", max_length=100, required=False)
    head_name = forms.CharField(label="Người đứng đầu", max_length=120, required=False)


class UnitForm(forms.Form):
    name = forms.CharField(label="Tên đơn vị", max_length=200)
    code = forms.CharField(label="Mã đơn vị", max_length=40)
    level = forms.ChoiceField(label="Cấp", choices=Level.choices, error_messages=CHOICE_ERRORS)
    kind = forms.ChoiceField(label="Loại", choices=Kind.choices, error_messages=CHOICE_ERRORS)
    parent = forms.ModelChoiceField(label="Đơn vị cấp trên", queryset=Unit.objects.none(),
                                    error_messages={"invalid_choice": "Đơn vị không hợp lệ."})
    valid_from = forms.DateField(label="Ngày thành lập", required=False, widget=DateInput(),
                                 error_messages={"invalid": "Ngày phải theo dạng dd/mm/yyyy."})

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = units if units is not None else Unit.objects.none()

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if Unit.objects.filter(code=code).exists():
            raise forms.ValidationError("Mã đơn vị này đã tồn tại.")
        return code


class MergeForm(forms.Form):
    sources = forms.ModelMultipleChoiceField(
        label="Các đơn vị sáp nhập", queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={**MULTIPLE_CHOICE_ERRORS,
                        "invalid_choice": "Có đơn vị không thuộc phạm vi quản lý của bạn hoặc đã kết thúc hoạt động.",
                        "required": "Phải chọn các đơn vị sáp nhập."},
    )
    name = forms.CharField(label="Tên đơn vị mới", max_length=200)
    code = forms.CharField(label="Mã đơn vị mới", max_length=40)
    place_name = forms.CharField(label="Địa danh", max_length=100, required=False)
    effective_date = forms.DateField(label="Ngày hiệu lực", widget=DateInput(),
                                     error_messages={"invalid": "Ngày phải theo dạng dd/mm/yyyy."})
    legal_basis = forms.CharField(label="Căn cứ (nghị quyết, quyết định)", max_length=300, required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].queryset = units if units is not None else Unit.objects.none()

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if Unit.objects.filter(code=code).exists():
            raise forms.ValidationError("Mã đơn vị này đã tồn tại.")
        return code
