import { mountPage } from "../ui/layout";
import { ReputationPage } from "./reputation-page";
import "./reputation.css";

mountPage(<ReputationPage />);
