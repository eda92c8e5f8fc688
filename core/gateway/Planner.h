#pragma once

#include "RequestContext.h"
#include "Router.h"

#include <variant>

namespace gatehouse {

// The plan stage: the targets a request may go to, in the order to try them. Takes the
// request's own fallbacks ("models": […], Gatehouse's to use, never sent on), then asks the
// router, which applies routing rules and what the key may use.
class Planner
{
public:
    static std::variant<RoutePlan, ApiError> plan(RequestContext &ctx, Router &router);
};

} // namespace gatehouse
