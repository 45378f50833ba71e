from cms.languages import CONTENT_LANGUAGES, get_content_language


def test_every_content_language_knows_its_native_name_and_direction():
    by_code = {lang.code: lang for lang in CONTENT_LANGUAGES}
    assert list(by_code) == ["it", "en", "fr", "es", "ar", "sq", "ro", "zh-hans", "uk"]
    assert by_code["ar"].direction == "rtl"
    assert all(lang.direction == "ltr" for code, lang in by_code.items() if code != "ar")
    assert by_code["ar"].native_name == "العربيّة"
    assert by_code["zh-hans"].native_name == "简体中文"
    assert by_code["it"].native_name == "italiano"


def test_unknown_code_falls_back_to_the_default_language():
    assert get_content_language("xx").code == "it"
