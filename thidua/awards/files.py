"""One way a file enters a nomination's dossier: checked (type, size, content), named, stored. The doors
that call it check who may add it and when."""

from pathlib import Path

from thidua.core.uploads import check_upload

from .models import DossierDocument


def store(nomination, doc_type: str, file, user) -> DossierDocument:
    check_upload(file)
    name = Path(file.name).name[:200]
    doc = DossierDocument(nomination=nomination, doc_type=doc_type, original_name=name, size=file.size,
                          uploaded_by=user)
    doc.file.save(name, file, save=False)
    doc.save()
    return doc
