"""`manage.py renditions_fill`: the named renditions that are missing are made, in batches, and only those."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model

from media.rendition_misses import misses_flush, process_misses
from media.renditions import ORIGINAL_SPEC, rendition_get, rendition_specs, renditions_missed_here, renditions_read_only
from media.renditions_fill import renditions_fill
from tests.factories.media import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def images(settings):
    settings.MEDIA_PREGENERATE_RENDITIONS = False  # as after a restore, or a release adding a size
    return [ImageFactory() for _ in range(5)]


def renditions() -> set[tuple[int, str]]:
    return set(get_image_model().get_rendition_model().objects.values_list("image_id", "filter_spec"))


def filled_specs() -> set[str]:
    """What the release step fills: the named renditions, and the full-size copy every read falls back to."""
    return {*rendition_specs().values(), ORIGINAL_SPEC}


def test_every_missing_named_rendition_is_made_in_batches(images, django_assert_max_num_queries):
    ImageFactory._meta.model.objects.get(pk=images[0].pk).get_rendition(rendition_specs()["card"])
    batches = []

    result = renditions_fill(batch_size=2, progress=lambda r: batches.append(r.images))

    assert batches == [2, 4, 5]
    assert result.images == 5 and result.created == 5 * len(filled_specs()) - 1 and result.failed == []
    assert renditions() == {(image.pk, spec) for image in images for spec in filled_specs()}


def test_a_second_run_makes_nothing_and_writes_nothing(images, django_assert_max_num_queries):
    renditions_fill()

    # The images, their renditions, and the empty next batch: reads only.
    with django_assert_max_num_queries(3):
        assert renditions_fill().created == 0


def test_only_the_names_asked_for(images):
    result = renditions_fill(names=["social"])

    assert result.created == 5
    assert {spec for _image, spec in renditions()} == {rendition_specs()["social"]}


def test_an_image_whose_original_is_gone_is_reported_and_the_others_are_done(images):
    Path(images[2].file.path).unlink()

    out = io.StringIO()
    with pytest.raises(CommandError, match=rf"1 images could not be processed \(ids {images[2].pk}\)"):
        call_command("renditions_fill", stdout=out)

    assert f"5 images checked, {4 * len(filled_specs())} renditions created" in out.getvalue()


def test_unknown_names_are_refused(images):
    with pytest.raises(CommandError, match="Unknown rendition names: cardd"):
        call_command("renditions_fill", "cardd")


def test_a_read_makes_nothing_and_its_misses_are_made_by_one_task_after_it(images, django_assert_num_queries):
    image = get_image_model().objects.prefetch_related("renditions").get(pk=images[0].pk)

    with renditions_read_only(), django_assert_num_queries(0):  # prefetched: not even a lookup
        assert rendition_get(image, rendition_specs()["card"]) is None
        assert rendition_get(image, "width-640") is None
        assert renditions_missed_here()
    assert renditions() == set()

    assert misses_flush() == 2 and misses_flush() == 0  # one task (immediate in tests), each miss once
    assert renditions() == {(image.pk, rendition_specs()["card"]), (image.pk, "width-640")}
    with renditions_read_only():
        rendition_get(get_image_model().objects.get(pk=image.pk), "width-640")
        assert not renditions_missed_here()
    process_misses().add(image.pk, "width-640")
    assert misses_flush() == 0  # enqueued moments ago: not again before MEDIA_RENDITION_MISSES_RETRY_SECONDS
