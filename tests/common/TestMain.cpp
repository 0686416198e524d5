// The single Boost.Test entry point linked into every test binary.
#define BOOST_TEST_MODULE VigieTests
#include <boost/test/unit_test.hpp>
