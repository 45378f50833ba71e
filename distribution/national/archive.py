"""Downloads of a package: JSON, and a .zip with the JSON, the body as HTML and text, and the images."""

import io
import posixpath
import zipfile

import orjson
from wagtail.images import get_image_model

from media.renditions import image_renditions_get


def package_json(package: dict) -> bytes:
    return orjson.dumps(package, option=orjson.OPT_INDENT_2)


def package_zip(package: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("package.json", package_json(package))
        archive.writestr("body.html", package["body_html"])
        archive.writestr("body.txt", package["body_text"])
        credits = []
        for index, entry in enumerate(package["images"], start=1):
            data, name = _image_file(entry)
            if data is None:
                continue
            filename = f"images/{index:02d}-{name}"
            archive.writestr(filename, data)
            credits.append(f"{filename}\t{entry['alt']}\t{entry['credit']}\t{entry['licence']}")
        if credits:
            archive.writestr("images/CREDITS.tsv", "file\talt\tcredit\tlicence\n" + "\n".join(credits) + "\n")
    return buffer.getvalue()


def _image_file(entry: dict) -> tuple[bytes | None, str]:
    image = get_image_model().objects.filter(pk=entry["id"]).first()
    if image is None:
        return None, ""
    rendition = image_renditions_get(image, "content").get("content")
    stored = rendition.file if rendition is not None else image.file
    with stored.open("rb") as handle:
        return handle.read(), posixpath.basename(stored.name)
