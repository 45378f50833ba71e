"""Fixtures of the content kernel's tests."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction


@pytest.fixture
def private_collection(db):
    """A collection under a view restriction: what is in it must never leave."""
    collection = Collection.get_first_root_node().add_child(name="Riservata")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection
