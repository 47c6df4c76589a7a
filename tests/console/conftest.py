from tests.page_fixtures import _english_between_tests, agent_client, contact_client, frozen  # noqa: F401
