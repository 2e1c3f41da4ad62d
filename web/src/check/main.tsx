import { mountPage } from "../ui/layout";
import { CheckPage } from "./check-page";
import "./check.css";

mountPage(<CheckPage />);
