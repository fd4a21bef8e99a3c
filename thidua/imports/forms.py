from django import forms


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)", error_messages={
        "required": "Hãy chọn tệp Excel để tải lên.",
        "empty": "Tệp tải lên rỗng.",
        "invalid": "Tệp tải lên không hợp lệ.",
    })
    overwrite = forms.BooleanField(label="Ghi đè xếp loại đã có (cùng cá nhân, cùng năm)", required=False)

    def __init__(self, *args, allow_overwrite=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_overwrite:
            del self.fields["overwrite"]


class CommitForm(forms.Form):
    only_valid = forms.BooleanField(label="Chỉ nhập các dòng hợp lệ (bỏ qua các dòng lỗi)", required=False)
