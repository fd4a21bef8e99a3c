from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model

from thidua.formatting import full_name
from thidua.org.forms import CHOICE_ERRORS, DateInput
from thidua.org.models import Unit

from .models import Choice, MemberRole

DATE_ERRORS = {"invalid": "Ngày không hợp lệ (dd/mm/yyyy).", "required": "Phải nhập ngày."}


class CouncilForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="Cấp / đơn vị",
        queryset=Unit.objects.none(),
        error_messages={"invalid_choice": "Đơn vị không hợp lệ.", "required": "Phải chọn đơn vị."},
    )
    name = forms.CharField(label="Tên hội đồng", max_length=200, error_messages={"required": "Phải nhập tên hội đồng."})
    term_start = forms.DateField(label="Nhiệm kỳ từ ngày", widget=DateInput(), error_messages=DATE_ERRORS)
    term_end = forms.DateField(label="Đến ngày", widget=DateInput(), required=False, error_messages=DATE_ERRORS)
    basis = forms.CharField(label="Quyết định thành lập", max_length=300, required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(
        label="Cán bộ",
        queryset=get_user_model().objects.none(),
        error_messages={"invalid_choice": "Cán bộ không hợp lệ.", "required": "Phải chọn cán bộ."},
    )
    role = forms.ChoiceField(label="Vai trò", choices=MemberRole.choices, initial=MemberRole.MEMBER,
                             error_messages=CHOICE_ERRORS)
    start = forms.DateField(label="Từ ngày", widget=DateInput(), error_messages=DATE_ERRORS)

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users if users is not None else get_user_model().objects.none()
        self.fields["user"].label_from_instance = lambda u: f"{full_name(u)} ({u.username})"


class MemberEndForm(forms.Form):
    end = forms.DateField(label="Thôi làm thành viên từ ngày", widget=DateInput(), error_messages=DATE_ERRORS)


class SessionForm(forms.Form):
    date = forms.DateField(label="Ngày họp", widget=DateInput(), error_messages=DATE_ERRORS)
    place = forms.CharField(label="Địa điểm", max_length=200, error_messages={"required": "Phải nhập địa điểm họp."})
    title = forms.CharField(label="Nội dung", max_length=300, required=False, initial="Xét đề nghị khen thưởng")


class DisclosureForm(forms.Form):
    start = forms.DateField(label="Công khai từ ngày", widget=DateInput(), required=False, error_messages=DATE_ERRORS)


class PaperDisclosureForm(forms.Form):
    posted_on = forms.DateField(label="Ngày niêm yết", widget=DateInput(), error_messages={
        **DATE_ERRORS, "required": "Phải nhập ngày đã niêm yết."})
    place = forms.CharField(label="Nơi niêm yết", max_length=300,
                            error_messages={"required": "Phải ghi nơi niêm yết (ví dụ: Bảng tin trụ sở UBND xã)."})
    proof = forms.FileField(label="Biên bản, ảnh niêm yết (bản chụp)",
                            error_messages={"required": "Phải kèm bản chụp biên bản hoặc ảnh niêm yết làm minh chứng."})


class HeadDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label="Quyết định",
        coerce=lambda v: v == "1",
        choices=[("1", "Đồng ý đề nghị khen thưởng"), ("0", "Không đề nghị khen thưởng")],
        error_messages={**CHOICE_ERRORS, "required": "Phải chọn quyết định."},
    )
    reason = forms.CharField(
        label="Lý do",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Phải ghi rõ lý do quyết định."},
    )


class WrittenOpinionForm(forms.Form):
    member = forms.IntegerField(error_messages={"invalid": "Thành viên không hợp lệ."})
    nominee = forms.IntegerField(error_messages={"invalid": "Người, tập thể được đề nghị không hợp lệ."})
    choice = forms.ChoiceField(choices=Choice.choices, error_messages={"invalid_choice": "Lựa chọn không hợp lệ."})


class ResponseForm(forms.Form):
    response = forms.CharField(
        label="Trả lời, xử lý",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Phải nhập nội dung trả lời, xử lý ý kiến."},
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Mã xác thực (6 chữ số)",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "Phải nhập mã xác thực."},
    )


class CommentForm(forms.Form):
    """The public's comment. ``website`` is a honeypot: hidden from people, filled by bots."""

    author_name = forms.CharField(label="Họ tên (không bắt buộc)", max_length=120, required=False)
    contact = forms.CharField(
        label="Địa chỉ, điện thoại hoặc thư điện tử (không bắt buộc)", max_length=200, required=False
    )
    text = forms.CharField(
        label="Nội dung ý kiến",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Phải nhập nội dung ý kiến."},
    )
    website = forms.CharField(
        required=False, label="Để trống ô này", widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.DISCLOSURE_COMMENT_MAX_CHARS
        self.fields["text"].widget.attrs["maxlength"] = str(limit)
        self.fields["author_name"].error_messages["max_length"] = "Họ tên quá dài: tối đa 120 ký tự."
        self.fields["contact"].error_messages["max_length"] = "Thông tin liên hệ quá dài: tối đa 200 ký tự."
